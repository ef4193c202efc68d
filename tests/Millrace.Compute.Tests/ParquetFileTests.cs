using DuckDB.NET.Data;
using Millrace.Compute.IO;
using Millrace.Compute.IO.Parquet;

namespace Millrace.Compute.Tests;

public sealed class ParquetFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("millrace-parquet-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>
    /// Every shape the writer chooses between: strings (dictionary), few distinct integers and doubles (dictionary),
    /// many distinct ones (PLAIN), missing cells, an all-missing column, runs long and short.
    /// </summary>
    private static ColumnarTable SampleTable(int rows, int seed)
    {
        var random = new Random(seed);
        var lines = new System.Text.StringBuilder("city,count,unique_id,score,ratio,nothing\n");
        string[] cities = ["Oslo", "Lima", "Pune", "Zürich", "", "Québec"];
        for (int i = 0; i < rows; i++)
        {
            string city = i % 97 < 40 ? "Oslo" : cities[random.Next(cities.Length)];
            string count = random.Next(10) == 0 ? "" : (random.Next(50) - 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string score = random.Next(7) == 0 ? "" : (random.Next(20) * 0.25).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            string ratio = (random.NextDouble() * 1e6 - 5e5).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            lines.Append($"{city},{count},{(long)i * 7_919 - 1_000_000},{score},{ratio},\n");
        }
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, lines.ToString());
            return CsvColumnReader.ReadAll(path, new CsvReadOptions { TypeOverrides = new Dictionary<string, ColumnType> { ["nothing"] = ColumnType.Float64 } });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private string WriteFile(ColumnarTable table, ParquetCodec codec, int[]? rows = null, int rowGroups = 1)
    {
        var path = Path.Combine(_directory, $"{codec}-{Guid.NewGuid():N}.parquet");
        using var writer = ParquetFileWriter.Create(File.Create(path), table.Columns.Select(c => c.Name).ToList(), table.Columns.Select(c => c.Type).ToList(), codec);
        for (int g = 0; g < rowGroups; g++) writer.WriteRowGroup(table, rows);
        return path;
    }

    /// <summary>A cell as an object: long, double, string or null.</summary>
    private static object? Cell(Column column, int row) => column switch
    {
        _ when column.IsMissing(row) => null,
        Int64Column longs => longs.Values[row],
        Float64Column doubles => doubles.Values[row],
        StringColumn strings => strings[row],
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [InlineData(ParquetCodec.None)]
    [InlineData(ParquetCodec.Snappy)]
    [InlineData(ParquetCodec.Zstd)]
    public async Task Parquet_Net_reads_back_every_value_and_null_that_was_written(ParquetCodec codec)
    {
        var table = SampleTable(5_000, seed: 1);
        var path = WriteFile(table, codec);
        await using var reader = await Parquet.ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(table.RowCount, group.RowCount);
        for (int c = 0; c < fields.Length; c++)
        {
            var column = table.Columns[c];
            object?[] expected = Enumerable.Range(0, table.RowCount).Select(r => Cell(column, r)).ToArray();
            object?[] actual = column.Type switch
            {
                ColumnType.Int64 => (await Read<long>(group, fields[c], table.RowCount)).Select(v => (object?)v).ToArray(),
                ColumnType.Float64 => (await Read<double>(group, fields[c], table.RowCount)).Select(v => (object?)v).ToArray(),
                _ => await ReadStrings(group, fields[c], table.RowCount),
            };
            Assert.True(expected.SequenceEqual(actual), $"column {column.Name} differs");
        }
    }

    private static async Task<T?[]> Read<T>(Parquet.ParquetRowGroupReader group, Parquet.Schema.DataField field, int rows) where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values;
    }

    private static async Task<object?[]> ReadStrings(Parquet.ParquetRowGroupReader group, Parquet.Schema.DataField field, int rows)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    [Theory]
    [InlineData(ParquetCodec.None)]
    [InlineData(ParquetCodec.Snappy)]
    [InlineData(ParquetCodec.Zstd)]
    public async Task The_reader_returns_the_rows_that_were_written_in_every_row_group(ParquetCodec codec)
    {
        var table = SampleTable(3_000, seed: 2);
        int[] rows = Enumerable.Range(0, table.RowCount).Where(r => r % 3 != 1).ToArray();
        var path = WriteFile(table, codec, rows, rowGroups: 2);
        using var reader = (await ParquetFileReader.TryOpenAsync(path))!;
        Assert.Equal((2, 2L * rows.Length), (reader.RowGroupCount, reader.RowCount));
        Assert.Equal(table.Columns.Select(c => c.Name), reader.ColumnNames);
        Assert.Equal(table.Columns.Select(c => c.Type), reader.ColumnTypes);
        for (int g = 0; g < 2; g++)
        {
            var read = reader.ReadRowGroup(g);
            for (int c = 0; c < table.Columns.Count; c++)
            {
                Assert.Equal(rows.Select(r => Cell(table.Columns[c], r)), Enumerable.Range(0, rows.Length).Select(r => Cell(read.Columns[c], r)));
                Assert.Equal(rows.Count(r => table.Columns[c].IsMissing(r)), read.Columns[c].MissingCount);
            }
        }
    }

    [Fact]
    public async Task Few_distinct_numbers_come_back_with_their_dictionary_and_many_without()
    {
        var table = SampleTable(4_000, seed: 3);
        using var reader = (await ParquetFileReader.TryOpenAsync(WriteFile(table, ParquetCodec.Snappy)))!;
        var read = reader.ReadRowGroup(0);
        var counts = read["count"].NumericCodes!;
        Assert.Null(read["unique_id"].NumericCodes);
        Assert.Null(read["ratio"].NumericCodes);
        for (int row = 0; row < read.RowCount; row++)
        {
            int code = counts.Codes[row];
            Assert.Equal(table["count"].IsMissing(row), code < 0);
            if (code >= 0) Assert.Equal(((Int64Column)table["count"]).Values[row], counts.Dictionary[code]);
        }
        Assert.Equal(counts.Dictionary.Length, counts.Dictionary.Distinct().Count());
    }

    [Fact]
    public async Task Counting_a_row_group_gives_the_distinct_values_and_row_counts_of_its_decoded_columns()
    {
        var table = SampleTable(5_000, seed: 8);
        int[] rows = Enumerable.Range(0, table.RowCount).Where(r => r % 5 != 2).ToArray();
        using var reader = (await ParquetFileReader.TryOpenAsync(WriteFile(table, ParquetCodec.Snappy, rows)))!;
        var decoded = reader.ReadRowGroup(0);
        var counted = reader.ReadRowGroupCounts(0);
        for (int c = 0; c < decoded.Columns.Count; c++)
        {
            var column = decoded.Columns[c];
            var expected = Enumerable.Range(0, column.Length).Where(r => !column.IsMissing(r)).GroupBy(r => Cell(column, r)).ToDictionary(g => g.Key!, g => g.LongCount());
            if (counted[c].Counts is not { } counts)
            {
                // Only a chunk that is not dictionary-encoded comes back decoded: the many-valued numbers here.
                Assert.Contains(column.Name, new[] { "unique_id", "ratio", "nothing" });
                Assert.Equal(column.Length, counted[c].Column!.Length);
                continue;
            }
            Assert.Equal(column.MissingCount, counts.Missing);
            var actual = new Dictionary<object, long>();
            for (int i = 0; i < counts.Counts.Length; i++)
            {
                if (counts.Counts[i] == 0) continue;
                object key = counts.Strings is { } strings ? System.Text.Encoding.UTF8.GetString(strings[i].Span)
                    : column.Type == ColumnType.Int64 ? (long)counts.Numbers![i] : counts.Numbers![i];
                actual[key] = counts.Counts[i];
            }
            static string[] Text(Dictionary<object, long> counts) => counts.Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(Text(expected), Text(actual));
        }
    }

    [Fact]
    public async Task A_NaN_of_the_data_stays_a_NaN_and_a_missing_value_stays_null()
    {
        var table = new ColumnarTable([Float64Column.FromValues("score", [1.5, double.NaN, null, 2.5])]);
        var path = WriteFile(table, ParquetCodec.Snappy);
        using (var reader = (await ParquetFileReader.TryOpenAsync(path))!)
        {
            var score = (Float64Column)reader.ReadRowGroup(0).Columns[0];
            Assert.Equal([false, true, false, false], Enumerable.Range(0, 4).Select(r => Float64Column.IsPresentNaN(score.Values[r])));
            Assert.True(double.IsNaN(score.Values[2]) && !Float64Column.IsPresentNaN(score.Values[2]));
        }
        await using var parquetNet = await Parquet.ParquetReader.CreateAsync(path);
        using var group = parquetNet.OpenRowGroupReader(0);
        var values = await Read<double>(group, parquetNet.Schema.DataFields[0], 4);
        Assert.Equal([1.5, double.NaN, null, 2.5], values);
    }

    [Fact]
    public async Task DuckDB_reads_the_file_with_the_same_counts_sums_and_distinct_values()
    {
        var table = SampleTable(6_000, seed: 4);
        var path = WriteFile(table, ParquetCodec.Snappy);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), count(city), count(DISTINCT city), sum(count)::BIGINT, count(count), sum(unique_id)::BIGINT, count(score), sum(score), count(nothing) FROM read_parquet('{path}')";
        using var result = command.ExecuteReader();
        Assert.True(result.Read());
        var city = (StringColumn)table["city"];
        var count = (Int64Column)table["count"];
        var score = (Float64Column)table["score"];
        int n = table.RowCount;
        Assert.Equal(n, result.GetInt64(0));
        Assert.Equal(n - city.MissingCount, result.GetInt64(1));
        Assert.Equal(Enumerable.Range(0, n).Where(r => !city.IsMissing(r)).Select(r => city[r]).Distinct().Count(), result.GetInt64(2));
        Assert.Equal(Enumerable.Range(0, n).Where(r => !count.IsMissing(r)).Sum(r => count.Values[r]), Convert.ToInt64(result.GetValue(3)));
        Assert.Equal(n - count.MissingCount, result.GetInt64(4));
        Assert.Equal(((Int64Column)table["unique_id"]).Values.ToArray().Sum(), Convert.ToInt64(result.GetValue(5)));
        Assert.Equal(n - score.MissingCount, result.GetInt64(6));
        Assert.Equal(Enumerable.Range(0, n).Where(r => !score.IsMissing(r)).Sum(r => score.Values[r]), result.GetDouble(7), 1e-9);
        Assert.Equal(0, result.GetInt64(8));
    }

    [Fact]
    public async Task A_file_written_by_Parquet_Net_reads_the_same_through_this_reader()
    {
        var table = SampleTable(2_000, seed: 5);
        var path = Path.Combine(_directory, "parquet-net.parquet");
        var fields = table.Columns.Select(c => c.Type switch
        {
            ColumnType.Int64 => (Parquet.Schema.DataField)new Parquet.Schema.DataField<long?>(c.Name),
            ColumnType.Float64 => new Parquet.Schema.DataField<double?>(c.Name),
            _ => new Parquet.Schema.DataField<string>(c.Name, true),
        }).ToArray();
        await using (var stream = File.Create(path))
        await using (var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(fields), stream))
        using (var group = writer.CreateRowGroup())
        {
            for (int c = 0; c < fields.Length; c++)
            {
                var cells = Enumerable.Range(0, table.RowCount).Select(r => Cell(table.Columns[c], r)).ToArray();
                switch (table.Columns[c].Type)
                {
                    case ColumnType.Int64: await group.WriteAsync<long>(fields[c], cells.Select(v => (long?)v).ToArray()); break;
                    case ColumnType.Float64: await group.WriteAsync<double>(fields[c], cells.Select(v => (double?)v).ToArray()); break;
                    default: await group.WriteAsync(fields[c], cells.Select(v => (string?)v).ToArray()); break;
                }
            }
            group.CompleteValidate();
        }
        using var reader = (await ParquetFileReader.TryOpenAsync(path))!;
        var read = reader.ReadRowGroup(0);
        for (int c = 0; c < table.Columns.Count; c++)
            Assert.Equal(Enumerable.Range(0, table.RowCount).Select(r => Cell(table.Columns[c], r)), Enumerable.Range(0, table.RowCount).Select(r => Cell(read.Columns[c], r)));
    }

    [Fact]
    public async Task A_timestamp_column_from_another_writer_reads_as_the_same_strings_Parquet_Net_gives()
    {
        // flights-3m.parquet was written by Polars: ZSTD pages, dictionary-encoded INT64 timestamps.
        var path = SharedData.PathOf("flights/flights-3m.parquet");
        using var reader = (await ParquetFileReader.TryOpenAsync(path))!;
        Assert.Equal(ColumnType.String, reader.ColumnTypes[0]);
        var table = reader.ReadRowGroup(0);
        var counted = reader.ReadRowGroupCounts(0)[0].Counts!;
        await using var parquetNet = await Parquet.ParquetReader.CreateAsync(path);
        using var group = parquetNet.OpenRowGroupReader(0);
        var times = new DateTime?[group.RowCount];
        await group.ReadAsync<DateTime>(parquetNet.Schema.DataFields[0], times.AsMemory());
        var expected = times.Select(t => t?.ToString(ParquetFileReader.TimestampFormat, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var dates = (StringColumn)table.Columns[0];
        Assert.Equal(expected, Enumerable.Range(0, dates.Length).Select(r => dates[r]));
        var countsByDate = Enumerable.Range(0, counted.Strings!.Length).Where(i => counted.Counts[i] > 0)
            .ToDictionary(i => System.Text.Encoding.UTF8.GetString(counted.Strings[i].Span), i => counted.Counts[i]);
        Assert.Equal(expected.Where(e => e is not null).GroupBy(e => e!).ToDictionary(g => g.Key, g => g.LongCount()), countsByDate);
    }

    /// <summary>Writes a table with DuckDB: nulls, a few-valued and a many-valued string, 32- and 64-bit integers, doubles; 3 row groups.</summary>
    private string WriteWithDuckDB(string version, string codec)
    {
        var path = Path.Combine(_directory, $"duckdb-{version}-{codec}.parquet");
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Nulls, a few-valued and a many-valued string, integers of 32 and 64 bits, doubles: 3 row groups.
            command.CommandText = $"""
                COPY (SELECT i::BIGINT AS id, CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 13)::INTEGER END AS small,
                             CASE WHEN i % 5 = 0 THEN NULL ELSE 'city-' || (i % 17) END AS city, 'id-' || i AS name,
                             CASE WHEN i % 11 = 0 THEN NULL ELSE i / 8.0 END AS score
                      FROM range(25000) t(i))
                TO '{path}' (FORMAT PARQUET, PARQUET_VERSION {version}, COMPRESSION {codec}, ROW_GROUP_SIZE 10000)
                """;
            command.ExecuteNonQuery();
        }
        return path;
    }

    [Theory]
    [InlineData("V1", "SNAPPY")]
    [InlineData("V1", "UNCOMPRESSED")]
    // Version 2: data pages v2, DELTA_BINARY_PACKED integers, DELTA_LENGTH_BYTE_ARRAY strings, BYTE_STREAM_SPLIT doubles.
    [InlineData("V2", "ZSTD")]
    [InlineData("V2", "SNAPPY")]
    public async Task A_file_DuckDB_wrote_reads_the_same_through_this_reader(string version, string codec)
    {
        using var reader = (await ParquetFileReader.TryOpenAsync(WriteWithDuckDB(version, codec)))!;
        Assert.NotNull(reader);
        Assert.Equal([ColumnType.Int64, ColumnType.Int64, ColumnType.String, ColumnType.String, ColumnType.Float64], reader.ColumnTypes);
        int row = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            var table = reader.ReadRowGroup(g);
            for (int r = 0; r < table.RowCount; r++, row++)
            {
                long i = ((Int64Column)table["id"]).Values[r];
                Assert.Equal(row, i);
                Assert.Equal(i % 7 == 0 ? null : i % 13, Cell(table["small"], r));
                Assert.Equal(i % 5 == 0 ? null : $"city-{i % 17}", Cell(table["city"], r));
                Assert.Equal($"id-{i}", Cell(table["name"], r));
                Assert.Equal(i % 11 == 0 ? null : i / 8.0, Cell(table["score"], r));
            }
        }
        Assert.Equal(25_000, row);
    }

    [Fact]
    public async Task A_damaged_page_is_an_error_naming_the_file_row_group_and_column()
    {
        var table = SampleTable(2_000, seed: 6);
        var path = WriteFile(table, ParquetCodec.Snappy);
        using (var reader = (await ParquetFileReader.TryOpenAsync(path))!)
            reader.ReadRowGroup(0);
        // Overwrite the middle of the first column chunk (just after the magic bytes).
        var bytes = File.ReadAllBytes(path);
        for (int i = 40; i < 80; i++) bytes[i] = 0xFF;
        File.WriteAllBytes(path, bytes);
        using var damaged = (await ParquetFileReader.TryOpenAsync(path))!;
        var error = Assert.Throws<InvalidDataException>(() => damaged.ReadRowGroup(0));
        Assert.Contains(path, error.Message);
        Assert.Contains("row group 0, column 'city'", error.Message);
    }

    [Fact]
    public void The_RLE_bit_packing_hybrid_round_trips_runs_and_noise_at_every_width()
    {
        var random = new Random(7);
        for (int width = 1; width <= 24; width++)
        {
            int max = width == 31 ? int.MaxValue : (1 << width) - 1;
            var values = new List<int>();
            while (values.Count < 10_000)
            {
                int value = random.Next(max + 1);
                int run = random.Next(4) == 0 ? random.Next(1, 40) : 1;
                for (int i = 0; i < run; i++) values.Add(value);
            }
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            RleHybrid.Encode(values.ToArray(), width, buffer);
            var decoded = new int[values.Count];
            RleHybrid.Decode(buffer.WrittenSpan, width, decoded);
            Assert.True(values.SequenceEqual(decoded), $"width {width}");
            var counts = new long[max + 1];
            RleHybrid.Count(buffer.WrittenSpan, width, values.Count, counts);
            foreach (var group in values.GroupBy(v => v)) Assert.Equal(group.LongCount(), counts[group.Key]);
            Assert.Equal(values.Count, counts.Sum());
        }
    }

    [Fact]
    public void The_RLE_encoder_finds_every_run_of_eight_wherever_it_falls()
    {
        // Runs of 7, 8 and 9 equal values at every offset around the 32- and 64-value steps of the vector search,
        // against the plain definition: scan run by run, and a run of 8 or more is a repeat.
        var random = new Random(11);
        for (int offset = 0; offset < 80; offset++)
        {
            foreach (int length in new[] { 7, 8, 9, 40 })
            {
                var values = Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? i : random.Next(1000)).ToArray();
                for (int k = 0; k < length && offset + k < values.Length; k++) values[offset + k] = 5000;
                var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                RleHybrid.Encode(values, 13, buffer);
                Assert.True(ReferenceEncoding(values, 13).SequenceEqual(buffer.WrittenSpan.ToArray()), $"offset {offset}, run {length}");
            }
        }
    }

    [Fact]
    public void Bit_packed_groups_hold_each_value_least_significant_bit_first_at_every_width_and_length()
    {
        // Neighbours always differ, so the encoder packs every value; the reference sets bit by bit.
        var random = new Random(5);
        for (int width = 1; width <= 32; width++)
            for (int length = 1; length <= 41; length++)
            {
                long max = (1L << width) - 1;
                var values = new int[length];
                for (int i = 0; i < length; i++)
                    do values[i] = (int)(i % 3 == 0 ? max - random.Next((int)Math.Min(max, 3) + 1) : random.NextInt64(max + 1));
                    while (i > 0 && values[i] == values[i - 1]);
                var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                RleHybrid.Encode(values, width, buffer);
                int groups = (length + 7) / 8;
                var expected = new byte[groups * width];
                for (int i = 0; i < length; i++)
                    for (int bit = 0; bit < width; bit++)
                        if (((uint)values[i] >> bit & 1) != 0) expected[(i * width + bit) / 8] |= (byte)(1 << ((i * width + bit) % 8));
                Assert.True(buffer.WrittenSpan[0] == (groups << 1 | 1) && buffer.WrittenSpan[1..].SequenceEqual(expected), $"width {width}, {length} values");
            }
    }

    private static byte[] ReferenceEncoding(int[] values, int width)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        int packedFrom = 0, i = 0;
        while (i < values.Length)
        {
            int run = 1;
            while (i + run < values.Length && values[i + run] == values[i]) run++;
            if (run < 8)
            {
                i += run;
                continue;
            }
            int pending = i - packedFrom, borrow = pending > 0 ? (8 - pending % 8) % 8 : 0;
            if (pending > 0) RleHybrid.Encode(values.AsSpan(packedFrom, pending + borrow), width, output);
            RleHybrid.Repeat(values[i], run - borrow, width, output);
            i += run;
            packedFrom = i;
        }
        if (packedFrom < values.Length) RleHybrid.Encode(values.AsSpan(packedFrom), width, output);
        return output.WrittenSpan.ToArray();
    }
}
