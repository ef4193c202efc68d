using System.Diagnostics;
using DuckDB.NET.Data;

namespace Millrace.Components.Bench;

/// <summary>DuckDB's SUMMARIZE (count, null %, min, max, approx unique, mean, std, quartiles per column) of a Parquet file, timed.</summary>
internal static class DuckDbSummarize
{
    public static double Seconds(string parquet)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SUMMARIZE SELECT * FROM read_parquet('{parquet.Replace("'", "''", StringComparison.Ordinal)}')";
        var clock = Stopwatch.StartNew();
        using var reader = command.ExecuteReader();
        int rows = 0;
        while (reader.Read()) rows++;
        return clock.Elapsed.TotalSeconds;
    }
}
