using Parquet;
using Parquet.Schema;

namespace Millrace.Components.Tests;

/// <summary>Writes small Parquet files for ParquetExampleGen tests, with Parquet.Net directly.</summary>
public static class TestParquet
{
    public static async Task<string> WriteAsync(string path, long?[] ids, double?[] scores, string?[] labels)
    {
        var fields = new DataField[] { new DataField<long?>("id"), new DataField<double?>("score"), new DataField<string>("label", true) };
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<long>(fields[0], ids);
            await group.WriteAsync<double>(fields[1], scores);
            await group.WriteAsync(fields[2], labels!);
            group.CompleteValidate();
        }
        return path;
    }
}
