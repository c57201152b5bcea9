using System.Text.Json;
using Helpdesk.Core.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Hosting.Health;

/// <summary>
/// The /health body: overall status, this instance's name and each check's state; no secrets, no errors. Written field
/// by field rather than by the reflection serializer: /health is what a start is timed to, and describing these types by
/// reflection (and compiling the code for them) took most of its first answer.
/// </summary>
public static class HealthJson
{
    private static readonly JsonSerializerOptions Fallback = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        var instance = http.RequestServices.GetRequiredService<IOptions<HelpdeskOptions>>().Value.InstanceName;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.Body, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteString("instance", instance);
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            json.WritePropertyName("data");
            if (entry.Data.Count == 0) json.WriteNullValue();
            else WriteData(json, entry.Data);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    private static void WriteData(Utf8JsonWriter json, IReadOnlyDictionary<string, object> data)
    {
        json.WriteStartObject();
        foreach (var (key, value) in data)
        {
            json.WritePropertyName(key);
            switch (value)
            {
                case IReadOnlyDictionary<string, WorkerState> workers:
                    json.WriteStartObject();
                    foreach (var (worker, state) in workers) json.WriteString(worker, state.ToString());
                    json.WriteEndObject();
                    break;
                case IEnumerable<MailboxHealth> mailboxes:
                    json.WriteStartArray();
                    foreach (var mailbox in mailboxes) Write(json, mailbox);
                    json.WriteEndArray();
                    break;
                case IEnumerable<SweepHealth> sweeps:
                    json.WriteStartArray();
                    foreach (var sweep in sweeps) Write(json, sweep);
                    json.WriteEndArray();
                    break;
                default:
                    // A check added later with data of another shape is still shown, by the serializer.
                    JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object), Fallback);
                    break;
            }
        }
        json.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter json, MailboxHealth mailbox)
    {
        json.WriteStartObject();
        json.WriteString("mailbox", mailbox.Mailbox);
        json.WriteString("here", mailbox.Here);
        json.WriteString("holder", mailbox.Holder);
        WriteTime(json, "since", mailbox.Since);
        WriteTime(json, "renewedAt", mailbox.RenewedAt);
        json.WriteBoolean("stale", mailbox.Stale);
        json.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter json, SweepHealth sweep)
    {
        json.WriteStartObject();
        json.WriteString("sweep", sweep.Sweep);
        json.WriteString("lastRunAt", sweep.LastRunAt);
        json.WriteString("instance", sweep.Instance);
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTime? time)
    {
        if (time is { } value) json.WriteString(name, value);
        else json.WriteNull(name);
    }
}
