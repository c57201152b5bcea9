using Helpdesk.Blazor.Hosting;

if (args is [MigrateDataCommandLine.Verb, .. var migrateArgs])
    return await MigrateDataCommandLine.RunAsync(migrateArgs, Console.Out);
return await ConsoleStart.RunAsync(args, Console.Error);

public partial class Program;
