using Helpdesk.Blazor.Hosting;
using Helpdesk.Core;

var builder = WebApplication.CreateBuilder(args.Where(a => a != "--seed-demo").ToArray());
if (args.Contains("--seed-demo"))
    builder.Configuration["Helpdesk:SeedDemoData"] = "true";
builder.AddHelpdeskCore();
builder.AddHelpdeskConsole();

var app = builder.Build();
app.UseHelpdeskConsole();
app.Run();

public partial class Program;
