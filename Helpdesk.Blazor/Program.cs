using Helpdesk.Blazor.Hosting;
using Helpdesk.Core;

var builder = WebApplication.CreateBuilder(args);
builder.AddHelpdeskCore();
builder.AddHelpdeskConsole();

var app = builder.Build();
app.UseHelpdeskConsole();
app.Run();

public partial class Program;
