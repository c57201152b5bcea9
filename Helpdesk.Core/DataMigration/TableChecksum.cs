using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Helpdesk.Core.DataMigration;

/// <summary>
/// SHA-256 over a table's rows in key order, each value tagged and length-prefixed, fed the values as
/// <see cref="ColumnKinds"/> reads them on either side; JSON is hashed with its keys sorted, as jsonb reorders them.
/// </summary>
public sealed class TableChecksum : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _number = new byte[8];

    public long Rows { get; private set; }

    public void AddRow(IReadOnlyList<object?> values, IReadOnlyList<MigratedColumn> columns)
    {
        for (var i = 0; i < values.Count; i++) Add(values[i], columns[i].Kind);
        Rows++;
    }

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();

    private void Add(object? value, ColumnKind kind)
    {
        switch (value)
        {
            case null: Tag(0); break;
            case string json when kind == ColumnKind.Jsonb: Tag(1); Text(Canonical(JsonNode.Parse(json))); break;
            case string text: Tag(2); Text(text); break;
            case short or int or long: Tag(3); Number(Convert.ToInt64(value)); break;
            case bool flag: Tag(4); Number(flag ? 1 : 0); break;
            case double real: Tag(5); Number(BitConverter.DoubleToInt64Bits(real)); break;
            case DateTime time: Tag(6); Number(time.Ticks); break;
            case TimeSpan span: Tag(7); Number(span.Ticks); break;
            case byte[] bytes: Tag(8); Number(bytes.Length); _hash.AppendData(bytes); break;
            case string[] texts: Tag(9); Number(texts.Length); foreach (var t in texts) Add(t, ColumnKind.Text); break;
            case int[] numbers: Tag(10); Number(numbers.Length); foreach (var n in numbers) Number(n); break;
            case Guid id: Tag(11); _hash.AppendData(id.ToByteArray()); break;
            default: throw new InvalidOperationException($"A value of type {value.GetType().Name} cannot be checksummed.");
        }
    }

    private void Tag(byte tag) => _hash.AppendData([tag]);

    private void Number(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_number, value);
        _hash.AppendData(_number);
    }

    private void Text(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Number(bytes.Length);
        _hash.AppendData(bytes);
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        JsonValue v when v.TryGetValue<decimal>(out var number) => number.ToString("G29", System.Globalization.CultureInfo.InvariantCulture),
        null => "null",
        _ => node.ToJsonString(),
    };
}
