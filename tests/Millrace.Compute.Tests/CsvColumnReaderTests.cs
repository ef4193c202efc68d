using Millrace.Compute.IO;

namespace Millrace.Compute.Tests;

public sealed class CsvColumnReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("millrace-csv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Types_are_inferred_and_missing_cells_are_missing()
    {
        var table = CsvColumnReader.ReadAll(Write("id,score,name\n1,2.5,ann\n2,,bob\n,3,\n"));
        Assert.Equal([ColumnType.Int64, ColumnType.Float64, ColumnType.String], table.Columns.Select(c => c.Type));
        var id = (Int64Column)table["id"];
        Assert.Equal([1L, 2, 0], id.Values.ToArray());
        Assert.True(id.IsMissing(2));
        Assert.True(double.IsNaN(((Float64Column)table["score"]).Values[1]));
        var name = (StringColumn)table["name"];
        Assert.Equal(["ann", "bob", null], Enumerable.Range(0, 3).Select(i => name[i]));
    }

    [Fact]
    public void Quoted_fields_keep_separators_newlines_and_escaped_quotes()
    {
        var table = CsvColumnReader.ReadAll(Write("a,b\n\"x, \"\"y\"\"\n z\",1\nplain,2\n"));
        var a = (StringColumn)table["a"];
        Assert.Equal(("x, \"y\"\n z", "plain"), (a[0], a[1]));
        Assert.Equal([1L, 2], ((Int64Column)table["b"]).Values.ToArray());
    }

    [Fact]
    public void A_byte_order_mark_and_a_semicolon_separator_are_handled()
    {
        var path = Path.Combine(_directory, "bom.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "x;y\n1;a\n"u8]);
        using var reader = CsvColumnReader.Open(path);
        Assert.Equal((';', "x"), (reader.Separator, reader.ColumnNames[0]));
    }

    [Fact]
    public void An_override_reads_an_integer_looking_column_as_strings()
    {
        var options = new CsvReadOptions { TypeOverrides = new Dictionary<string, ColumnType> { ["zip"] = ColumnType.String } };
        var table = CsvColumnReader.ReadAll(Write("zip\n02139\n"), options);
        Assert.Equal("02139", ((StringColumn)table["zip"])[0]);
    }

    [Fact]
    public void Blocks_split_across_rows_give_the_same_table_as_one_block()
    {
        var lines = Enumerable.Range(0, 20_000).Select(i => $"{i},{i * 0.5},\"name, {i % 97}\"");
        var path = Write("n,half,name\n" + string.Join("\n", lines) + "\n");
        var small = CsvColumnReader.ReadAll(path, new CsvReadOptions { BlockBytes = 4096 });
        var whole = CsvColumnReader.ReadAll(path);
        Assert.Equal(20_000, small.RowCount);
        Assert.Equal(((Int64Column)whole["n"]).Values.ToArray(), ((Int64Column)small["n"]).Values.ToArray());
        var (a, b) = ((StringColumn)whole["name"], (StringColumn)small["name"]);
        Assert.All(Enumerable.Range(0, 20_000), i => Assert.Equal(a[i], b[i]));
    }

    [Fact]
    public void Parts_joined_with_and_without_blank_lines_keep_every_row_in_order_to_an_unterminated_last_line()
    {
        // Blocks over 1 MB are parsed in two parts, each writing its rows where the rows before it can end; blank
        // lines in a part leave a gap the join closes, and the file's last line has no newline.
        var lines = Enumerable.Range(0, 200_000).Select(i => i % 997 == 5 ? $"\n{i},v{i % 13}" : $"{i},v{i % 13}");
        var path = Write("n,s\n" + string.Join("\n", lines));
        var values = CsvColumnReader.ReadAll(path, new CsvReadOptions { BlockBytes = 2 << 20 });
        Assert.Equal(Enumerable.Range(0, 200_000).Select(i => (long)i), ((Int64Column)values["n"]).Values.ToArray());
        var strings = (StringColumn)values["s"];
        Assert.Equal(Enumerable.Range(0, 200_000).Select(i => $"v{i % 13}"), Enumerable.Range(0, strings.Length).Select(r => strings[r]));
    }

    [Fact]
    public void Readers_that_share_the_array_pool_keep_their_own_values_and_a_disposed_reader_reads_no_more()
    {
        // Blocks, buffers and string tables come from the process's shared pools: two readers taking turns must
        // each see only their own file, and a disposed reader must not hand out bytes its buffer's next user wrote.
        var pathA = Write("n,s\n" + string.Join("\n", Enumerable.Range(0, 150_000).Select(i => $"{i},a{i % 97}")) + "\n");
        var pathB = Write("n,s\n" + string.Join("\n", Enumerable.Range(0, 150_000).Select(i => $"{-i},b{i % 89}")) + "\n");
        var options = new CsvReadOptions { BlockBytes = 1 << 20 };
        var (n, s) = (new List<long>[] { [], [] }, new List<string?>[] { [], [] });
        using (var a = CsvColumnReader.Open(pathA, options))
        using (var b = CsvColumnReader.Open(pathB, options))
        {
            var readers = new[] { a, b };
            for (bool more = true; more;)
            {
                more = false;
                for (int r = 0; r < 2; r++)
                {
                    if (readers[r].ReadBlock() is not { } block) continue;
                    more = true;
                    n[r].AddRange(((Int64Column)block["n"]).Values.ToArray());
                    var strings = (StringColumn)block["s"];
                    s[r].AddRange(Enumerable.Range(0, strings.Length).Select(row => strings[row]));
                    readers[r].Recycle(block);
                }
            }
        }
        Assert.Equal(Enumerable.Range(0, 150_000).Select(i => (long)i), n[0]);
        Assert.Equal(Enumerable.Range(0, 150_000).Select(i => (long)-i), n[1]);
        Assert.Equal(Enumerable.Range(0, 150_000).Select(i => $"a{i % 97}"), s[0]);
        Assert.Equal(Enumerable.Range(0, 150_000).Select(i => $"b{i % 89}"), s[1]);

        var disposed = CsvColumnReader.Open(pathA, options);
        Assert.NotNull(disposed.ReadBlock());
        disposed.Dispose();
        using (var other = CsvColumnReader.Open(pathB, options)) Assert.NotNull(other.ReadBlock());
        Assert.Throws<ObjectDisposedException>(() => disposed.ReadBlock());
    }

    [Fact]
    public void Recycled_blocks_lend_their_arrays_to_later_blocks_without_changing_any_value()
    {
        // Blocks over 1 MB are parsed in two parts, whose string tables (one column of many values, grown large)
        // are handed to later blocks' columns as well.
        var lines = Enumerable.Range(0, 300_000).Select(i => $"{i},{(i % 7 == 0 ? "" : (i * 0.25).ToString(System.Globalization.CultureInfo.InvariantCulture))},name{i % 301},{(i % 11 == 0 ? "NA" : i % 13)},k{i * 7919 % 60_000}");
        var path = Write("n,x,name,m,key\n" + string.Join("\n", lines) + "\n");
        var options = new CsvReadOptions { BlockBytes = 2 << 20 };
        var whole = CsvColumnReader.ReadAll(path, options);
        var (n, x, names, m, keys) = (new List<long>(), new List<double>(), new List<string?>(), new List<long?>(), new List<string?>());
        using var reader = CsvColumnReader.Open(path, options);
        int blocks = 0;
        while (reader.ReadBlock() is { } block)
        {
            blocks++;
            n.AddRange(((Int64Column)block["n"]).Values.ToArray());
            x.AddRange(((Float64Column)block["x"]).Values.ToArray());
            var strings = (StringColumn)block["name"];
            names.AddRange(Enumerable.Range(0, strings.Length).Select(r => strings[r]));
            var missing = (Int64Column)block["m"];
            m.AddRange(Enumerable.Range(0, missing.Length).Select(r => missing.IsMissing(r) ? null : (long?)missing.Values[r]));
            var key = (StringColumn)block["key"];
            keys.AddRange(Enumerable.Range(0, key.Length).Select(r => key[r]));
            reader.Recycle(block);
            Assert.All(block.Columns, c => Assert.Equal(0, c.Length));
        }
        Assert.True(blocks > 3);
        var wholeKeys = (StringColumn)whole["key"];
        Assert.Equal(Enumerable.Range(0, wholeKeys.Length).Select(r => wholeKeys[r]), keys);
        Assert.Equal(((Int64Column)whole["n"]).Values.ToArray(), n);
        Assert.Equal(((Float64Column)whole["x"]).Values.ToArray(), x);
        var wholeNames = (StringColumn)whole["name"];
        Assert.Equal(Enumerable.Range(0, wholeNames.Length).Select(r => wholeNames[r]), names);
        var wholeM = (Int64Column)whole["m"];
        Assert.Equal(Enumerable.Range(0, wholeM.Length).Select(r => wholeM.IsMissing(r) ? null : (long?)wholeM.Values[r]), m);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\n", 3, null, "header has 2")]
    [InlineData("a,b\n1,2\n3,4,5\n", 3, null, "3 fields where the header has 2")]
    [InlineData("a,b\n1,2\n\"3\",4,5\n", 3, null, "3 fields")]
    [InlineData("a,b\n1,2\nx,4\n", 3, "a", "not a Int64")]
    [InlineData("a,b\n1,2\n\"open,4\n5,6\n", 3, null, "never closed")]
    public void A_bad_row_is_reported_with_its_line_and_column(string text, long line, string? column, string problem)
    {
        var error = Assert.Throws<CsvFormatException>(() => CsvColumnReader.ReadAll(Write(text), new CsvReadOptions { InferenceRows = 1 }));
        Assert.Equal((line, column), (error.Line, error.ColumnName));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_bad_first_row_with_a_quoted_cell_is_reported_on_its_own_line()
    {
        var options = new CsvReadOptions { TypeOverrides = new Dictionary<string, ColumnType> { ["a"] = ColumnType.Int64 } };
        var error = Assert.Throws<CsvFormatException>(() => CsvColumnReader.ReadAll(Write("a,b\n\"x\",2\n3,4\n"), options));
        Assert.Equal((2L, "a"), (error.Line, error.ColumnName));
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\n4,5,6\nx,7\n8,9\n")]
    [InlineData("a,b\n1,2\n3\n4,5,6\nx,7\n\"8\",9\n")]
    public void Past_bad_rows_every_bad_row_is_listed_and_the_columns_stay_aligned(string text)
    {
        var table = CsvColumnReader.ReadAll(Write(text), new CsvReadOptions { InferenceRows = 1, KeepReadingPastBadRows = true });
        Assert.Equal(5, table.RowCount);
        Assert.All(table.Columns, c => Assert.Equal(5, c.Length));
        Assert.Equal([3L, 4, 5], table.BadRows.Select(b => b.Line));
        Assert.Equal([1, 2, 3], table.BadRows.Select(b => b.RowIndex));
        Assert.Equal([1L, 8], new[] { 0, 4 }.Select(i => ((Int64Column)table["a"]).Values[i]));
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_line()
    {
        var path = Path.Combine(_directory, "bad.csv");
        File.WriteAllBytes(path, [.. "a\nok\n"u8, 0xC3, 0x28, (byte)'\n']);
        Assert.Equal(3, Assert.Throws<CsvFormatException>(() => CsvColumnReader.ReadAll(path)).Line);
    }

    [Fact]
    public void An_empty_file_is_an_error_and_a_header_only_file_is_an_empty_table()
    {
        Assert.Throws<CsvFormatException>(() => CsvColumnReader.ReadAll(Write("")));
        var table = CsvColumnReader.ReadAll(Write("a,b\n"));
        Assert.Equal((2, 0), (table.Columns.Count, table.RowCount));
    }

    [Fact]
    public async Task Csv_converted_to_parquet_reads_back_the_same_values_and_nulls()
    {
        var csv = Write("id,score,name\n1,2.5,ann\n2,,bob\n,3,\n");
        var parquet = Path.Combine(_directory, "out.parquet");
        await using (var stream = File.Create(parquet))
            Assert.Equal(3, await ParquetTableWriter.ConvertCsvAsync(csv, stream));
        await using var reader = await Parquet.ParquetReader.CreateAsync(parquet);
        var fields = reader.Schema.DataFields;
        using var group = reader.OpenRowGroupReader(0);
        var ids = new long?[3];
        var scores = new double?[3];
        var names = new string?[3];
        await group.ReadAsync<long>(fields[0], ids.AsMemory());
        await group.ReadAsync<double>(fields[1], scores.AsMemory());
        await group.ReadAsync(fields[2], names.AsMemory());
        Assert.Equal([1L, 2L, null], ids);
        Assert.Equal([2.5, null, 3.0], scores);
        Assert.Equal(new[] { "ann", "bob", null }, names);
    }

    [Fact]
    public void The_plain_byte_parser_and_sep_read_the_taxi_file_alike()
    {
        // A block without quotes takes the byte parser; quoting its first cell sends the same rows through Sep.
        var text = File.ReadAllText(SharedData.PathOf("taxi/taxi_big_tipper_label.csv"));
        AssertSameTables(CsvColumnReader.ReadAll(Write(text)), CsvColumnReader.ReadAll(Write(QuoteFirstCell(text))));
    }

    [Theory]
    [InlineData(1, 1 << 20, 3000)]
    [InlineData(2, 4096, 3000)]
    [InlineData(3, 300, 3000)]
    [InlineData(6, 16 << 20, 60_000)]
    public void The_plain_byte_parser_and_sep_read_random_rows_alike(int seed, int blockBytes, int rows)
    {
        // Integers of every length and sign (with spaces and '+'), reals, NaN, missing markers, strings of 0 to 40
        // bytes (multi-byte UTF-8 too) around the 8- and 16-byte packing limits, CRLF and LF, blank lines, and a last
        // line without a newline; small blocks put cells at the very end of a part, and a block over 1 MB is parsed in
        // parts side by side.
        var random = new Random(seed);
        string[] integers = ["0", "-0", "7", "-12", "123456789", "-12345678", "12345678", "987654321012345678", " 42", "+5", "NA", ""];
        var text = new System.Text.StringBuilder("n,x,s,c\n");
        for (int row = 0; row < rows; row++)
        {
            string n = random.Next(3) == 0 ? integers[random.Next(integers.Length)] : random.NextInt64(-99_999_999_999, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)[..random.Next(1, 6)].TrimEnd('-') is { Length: > 0 } digits ? digits : "1";
            string x = random.Next(10) switch { 0 => "", 1 => "NaN", 2 => "1e300", _ => (random.NextDouble() * 1000 - 500).ToString("R", System.Globalization.CultureInfo.InvariantCulture) };
            string s = random.Next(12) switch
            {
                0 => "", 1 => "null", 2 => "héllo wörld ☃",
                3 or 4 => $"2001-01-0{random.Next(10)} 00:{random.Next(60):D2}",
                _ => new string([.. Enumerable.Range(0, random.Next(0, 41)).Select(_ => (char)('a' + random.Next(3)))]),
            };
            string c = random.Next(4) == 0 ? "NA" : $"c{random.Next(40)}";
            text.Append(n).Append(',').Append(x).Append(',').Append(s).Append(',').Append(c).Append(random.Next(3) == 0 ? "\r\n" : "\n");
            if (random.Next(200) == 0) text.Append('\n');
        }
        text.Append("5,1.5,last,c1");
        var options = new CsvReadOptions { BlockBytes = blockBytes, TypeOverrides = new Dictionary<string, ColumnType> { ["n"] = ColumnType.Int64, ["x"] = ColumnType.Float64 } };
        var plain = CsvColumnReader.ReadAll(Write(text.ToString()), options);
        Assert.Equal(rows + 1, plain.RowCount);
        AssertSameTables(plain, CsvColumnReader.ReadAll(Write(QuoteFirstCell(text.ToString())), options));
    }

    [Theory]
    [InlineData(4, 1 << 20, 2000)]
    [InlineData(5, 200, 2000)]
    [InlineData(7, 16 << 20, 60_000)]
    public void Past_bad_rows_the_plain_byte_parser_and_sep_list_the_same_rows(int seed, int blockBytes, int rows)
    {
        var random = new Random(seed);
        var text = new System.Text.StringBuilder("a,b,c\n");
        for (int row = 0; row < rows; row++)
        {
            text.Append(random.Next(25) switch
            {
                0 => "1,2",
                1 => "1,2,3,4",
                2 => "x,2,3",
                3 => "1,2.5.5,3",
                4 => "99999999999999999999,1,z",
                5 => "",
                // Ragged rows with a bad cell: the field count is the problem reported.
                6 => "x,2",
                7 => "1,y,q,4",
                8 => "-12345678,-0,\r",
                _ => $"{random.Next(-500, 500)},{random.NextDouble()},{(char)('p' + random.Next(5))}",
            }).Append('\n');
        }
        var options = new CsvReadOptions { BlockBytes = blockBytes, KeepReadingPastBadRows = true, TypeOverrides = new Dictionary<string, ColumnType> { ["a"] = ColumnType.Int64, ["b"] = ColumnType.Float64 } };
        var plain = CsvColumnReader.ReadAll(Write(text.ToString()), options);
        var sep = CsvColumnReader.ReadAll(Write(QuoteFirstCell(text.ToString())), options);
        Assert.NotEmpty(plain.BadRows);
        Assert.Equal(sep.BadRows, plain.BadRows);
        AssertSameTables(plain, sep);
    }

    private static string QuoteFirstCell(string text)
    {
        int start = text.IndexOf('\n') + 1, end = text.IndexOfAny([',', '\n'], start);
        return $"{text[..start]}\"{text[start..end]}\"{text[end..]}";
    }

    private static void AssertSameTables(ColumnarTable expected, ColumnarTable actual)
    {
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.Type, c.Length, c.MissingCount)), actual.Columns.Select(c => (c.Name, c.Type, c.Length, c.MissingCount)));
        foreach (var (a, b) in expected.Columns.Zip(actual.Columns))
        {
            Assert.All(Enumerable.Range(0, a.Length), r => Assert.Equal(a.IsMissing(r), b.IsMissing(r)));
            switch (a)
            {
                case Float64Column f: Assert.Equal(f.Values.ToArray(), ((Float64Column)b).Values.ToArray()); break;
                case Int64Column i: Assert.Equal(i.Values.ToArray(), ((Int64Column)b).Values.ToArray()); break;
                case StringColumn s: Assert.Equal(Enumerable.Range(0, s.Length).Select(r => s[r]), Enumerable.Range(0, s.Length).Select(r => ((StringColumn)b)[r])); break;
            }
        }
    }

    [Fact]
    public void The_taxi_file_reads_with_the_expected_types_and_missing_counts()
    {
        var table = CsvColumnReader.ReadAll(SharedData.PathOf("taxi/taxi_big_tipper_label.csv"));
        Assert.Equal(15_002, table.RowCount);
        Assert.Equal(ColumnType.Float64, table["fare"].Type);
        Assert.Equal(ColumnType.String, table["company"].Type);
        var lines = File.ReadAllLines(SharedData.PathOf("taxi/taxi_big_tipper_label.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        int column = Array.IndexOf(table.Columns.Select(c => c.Name).ToArray(), "pickup_latitude");
        Assert.Equal(lines.Count(l => l[column].Length == 0), table["pickup_latitude"].MissingCount);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
