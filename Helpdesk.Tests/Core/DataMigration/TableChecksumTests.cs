using Helpdesk.Core.DataMigration;

namespace Helpdesk.Tests.Core.DataMigration;

public sealed class TableChecksumTests
{
    private static readonly MigratedColumn[] Columns =
        [new("Id", "integer", ColumnKind.Int32), new("Name", "text", ColumnKind.Text), new("Data", "jsonb", ColumnKind.Jsonb)];

    private static string Checksum(params object?[][] rows)
    {
        using var checksum = new TableChecksum();
        foreach (var row in rows) checksum.AddRow(row, Columns);
        return checksum.Finish();
    }

    [Fact]
    public void Finish_JsonWithKeysInAnotherOrderAndSpacing_SameChecksum() =>
        Assert.Equal(Checksum([1, "a", """{"b":1,"a":[true,null]}"""]), Checksum([1, "a", """{ "a": [true, null], "b": 1 }"""]));

    [Theory]
    [InlineData(2, "a", "{}")]
    [InlineData(1, "A", "{}")]
    [InlineData(1, "a", "{\"x\":1}")]
    [InlineData(1, null, "{}")]
    public void Finish_AnyValueChanged_DifferentChecksum(int id, string? name, string data) =>
        Assert.NotEqual(Checksum([1, "a", "{}"]), Checksum([id, name, data]));

    [Fact]
    public void Finish_RowsInAnotherOrderOrSplitDifferently_DifferentChecksum()
    {
        Assert.NotEqual(Checksum([1, "a", null], [2, "b", null]), Checksum([2, "b", null], [1, "a", null]));
        Assert.NotEqual(Checksum([1, "ab", null]), Checksum([1, "a", "\"b\""]));
    }
}
