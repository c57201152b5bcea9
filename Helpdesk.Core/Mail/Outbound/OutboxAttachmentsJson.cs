using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>
/// A mail's attachment list as one JSON text column (the shape EF's JSON mapping wrote before): EF cannot save an
/// owned JSON collection of an entity split over two tables, and the list is written once, with the mail.
/// </summary>
internal sealed class OutboxAttachmentsJson() : ValueConverter<List<OutboxAttachment>, string>(
    list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null),
    json => JsonSerializer.Deserialize<List<OutboxAttachment>>(json, (JsonSerializerOptions?)null) ?? new List<OutboxAttachment>());

internal sealed class OutboxAttachmentsComparer() : ValueComparer<List<OutboxAttachment>>(
    (a, b) => JsonSerializer.Serialize(a, (JsonSerializerOptions?)null) == JsonSerializer.Serialize(b, (JsonSerializerOptions?)null),
    list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null).GetHashCode(),
    list => JsonSerializer.Deserialize<List<OutboxAttachment>>(JsonSerializer.Serialize(list, (JsonSerializerOptions?)null), (JsonSerializerOptions?)null)!);
