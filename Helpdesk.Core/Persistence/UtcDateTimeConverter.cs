using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Helpdesk.Core.Persistence;

/// <summary>SQLite keeps no DateTime kind; every timestamp we store is UTC, so read it back as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
