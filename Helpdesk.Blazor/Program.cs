using Helpdesk.Blazor.Hosting;
using Helpdesk.Core;

if (args is [MigrateDataCommandLine.Verb, .. var migrateArgs])
    return await MigrateDataCommandLine.RunAsync(migrateArgs, Console.Out);

var builder = WebApplication.CreateBuilder(args.Where(a => a != "--seed-demo").ToArray());
if (args.Contains("--seed-demo"))
    builder.Configuration["Helpdesk:SeedDemoData"] = "true";
builder.AddHelpdeskCore();
builder.AddHelpdeskConsole();

var app = builder.Build();
app.UseHelpdeskConsole();
app.Run();
return 0;

public partial class Program;
