using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Meta;

namespace Millrace.Compute.IO.Parquet;

/// <summary>
/// Reads flat Parquet files into <see cref="ColumnarTable"/> row groups without a .NET value per row: a
/// dictionary-encoded string column becomes a <see cref="StringColumn"/> whose codes are the file's indices, a
/// dictionary-encoded numeric column keeps its dictionary and indices (<see cref="NumericCodes"/>) besides its
/// values. The footer is parsed by Parquet.Net; pages are read, decompressed and decoded here, columns in parallel.
/// </summary>
/// <remarks>
/// Supported: INT32, INT64, FLOAT, DOUBLE and BYTE_ARRAY leaves that are REQUIRED or OPTIONAL at the top level;
/// data pages v1 and v2; PLAIN, PLAIN_DICTIONARY, RLE_DICTIONARY, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and
/// BYTE_STREAM_SPLIT values (DuckDB's v2 files, tested); uncompressed, Snappy and Zstd pages —
/// every file <see cref="ParquetFileWriter"/> writes, and most flat files other tools write.
/// <see cref="IsSupported"/> says whether a file qualifies; otherwise read it with Parquet.Net.
/// </remarks>
public sealed class ParquetFileReader : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly string _path;
    private readonly FileMetaData _metadata;
    private readonly SchemaElement[] _leaves;

    private ParquetFileReader(SafeFileHandle file, string path, FileMetaData metadata, SchemaElement[] leaves, string[] names, ColumnType[] types)
    {
        _file = file;
        _path = path;
        _metadata = metadata;
        _leaves = leaves;
        ColumnNames = names;
        ColumnTypes = types;
    }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The column types: integers are <see cref="ColumnType.Int64"/>, floats <see cref="ColumnType.Float64"/>, byte arrays <see cref="ColumnType.String"/>.</summary>
    public IReadOnlyList<ColumnType> ColumnTypes { get; }

    /// <summary>How many row groups the file has.</summary>
    public int RowGroupCount => _metadata.RowGroups.Count;

    /// <summary>How many rows the file has.</summary>
    public long RowCount => _metadata.NumRows;

    /// <summary>Opens a file; null when its schema or codecs are outside what this reader supports (see the remarks).</summary>
    public static async Task<ParquetFileReader?> TryOpenAsync(string path, CancellationToken cancellationToken = default)
    {
        FileMetaData metadata;
        await using (var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false))
            metadata = reader.Metadata ?? throw new InvalidDataException($"{path}: the Parquet footer could not be read.");
        if (!IsSupported(metadata, out var leaves)) return null;
        var names = leaves.Select(l => l.Name).ToArray();
        var types = leaves.Select(l => TicksPerUnit(l) is not null ? ColumnType.String : l.Type switch
        {
            global::Parquet.Meta.Type.INT32 or global::Parquet.Meta.Type.INT64 => ColumnType.Int64,
            global::Parquet.Meta.Type.FLOAT or global::Parquet.Meta.Type.DOUBLE => ColumnType.Float64,
            _ => ColumnType.String,
        }).ToArray();
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        return new ParquetFileReader(file, path, metadata, leaves, names, types);
    }

    /// <summary>How a timestamp column is read: as a string in this invariant, sortable form (UTC).</summary>
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>For an INT64 timestamp column, the .NET ticks per stored unit (negative: units per tick); else null.</summary>
    private static long? TicksPerUnit(SchemaElement leaf)
    {
        if (leaf.Type != global::Parquet.Meta.Type.INT64) return null;
        if (leaf.LogicalType?.TIMESTAMP is { } timestamp)
            return timestamp.Unit?.MILLIS is not null ? 10_000 : timestamp.Unit?.MICROS is not null ? 10 : timestamp.Unit?.NANOS is not null ? -100 : null;
        return leaf.ConvertedType switch { ConvertedType.TIMESTAMP_MILLIS => 10_000, ConvertedType.TIMESTAMP_MICROS => 10, _ => null };
    }

    /// <summary>A stored timestamp as the UTF-8 bytes of <see cref="TimestampFormat"/>.</summary>
    private static byte[] FormatTimestamp(long value, long ticksPerUnit)
    {
        long ticks = ticksPerUnit > 0 ? checked(value * ticksPerUnit) : value / -ticksPerUnit;
        var time = DateTime.UnixEpoch.AddTicks(ticks);
        return System.Text.Encoding.UTF8.GetBytes(time.ToString(TimestampFormat, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Whether every column is a flat leaf of a supported type, and every chunk of a supported codec.</summary>
    private static bool IsSupported(FileMetaData metadata, out SchemaElement[] leaves)
    {
        leaves = metadata.Schema.Skip(1).ToArray();
        if (metadata.Schema.Count < 2 || metadata.Schema[0].NumChildren != leaves.Length) return false;
        foreach (var leaf in leaves)
        {
            if (leaf.NumChildren is > 0 || leaf.RepetitionType == FieldRepetitionType.REPEATED) return false;
            if (leaf.Type is not (global::Parquet.Meta.Type.INT32 or global::Parquet.Meta.Type.INT64 or global::Parquet.Meta.Type.FLOAT
                or global::Parquet.Meta.Type.DOUBLE or global::Parquet.Meta.Type.BYTE_ARRAY)) return false;
            // Timestamps are read as strings (TimestampFormat); integers that stand for dates, times of day or
            // decimals are read by Parquet.Net, which converts them.
            if (TicksPerUnit(leaf) is not null) continue;
            if (leaf.LogicalType is { } logical && (logical.TIMESTAMP is not null || logical.DATE is not null || logical.TIME is not null || logical.DECIMAL is not null)) return false;
            if (leaf.ConvertedType is ConvertedType.DECIMAL or ConvertedType.DATE or ConvertedType.TIMESTAMP_MILLIS or ConvertedType.TIMESTAMP_MICROS
                or ConvertedType.TIME_MILLIS or ConvertedType.TIME_MICROS) return false;
        }
        foreach (var group in metadata.RowGroups)
        {
            if (group.Columns.Count != leaves.Length) return false;
            foreach (var chunk in group.Columns)
                if (chunk.MetaData is null || chunk.FilePath is not null
                    || chunk.MetaData.Codec is not (CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY or CompressionCodec.ZSTD)
                    || chunk.MetaData.Encodings.Any(e => e is not (Encoding.PLAIN or Encoding.PLAIN_DICTIONARY or Encoding.RLE or Encoding.RLE_DICTIONARY
                        or Encoding.DELTA_BINARY_PACKED or Encoding.DELTA_LENGTH_BYTE_ARRAY or Encoding.BYTE_STREAM_SPLIT)))
                    return false;
        }
        return true;
    }

    /// <summary>Reads row group <paramref name="index"/>, its columns decoded in parallel.</summary>
    /// <exception cref="InvalidDataException">A page is damaged or uses an encoding this reader does not know; the message names the file, row group and column.</exception>
    public ColumnarTable ReadRowGroup(int index) =>
        new(ForEachColumn(index, (meta, c, rows) => ReadChunk(meta, _leaves[c], ColumnTypes[c], rows)));

    /// <summary>
    /// Reads row group <paramref name="index"/> for statistics: a dictionary-encoded column comes back as its
    /// distinct values and how many rows hold each (<see cref="CountedColumn"/>), counted straight from the
    /// RLE/bit-packed indices without a per-row array; any other column comes back decoded.
    /// </summary>
    /// <exception cref="InvalidDataException">A page is damaged; the message names the file, row group and column.</exception>
    public IReadOnlyList<ColumnOrCounts> ReadRowGroupCounts(int index) => ForEachColumn(index, (meta, c, rows) =>
    {
        var bytes = ReadChunkBytes(meta);
        var counted = new ChunkDecoder(_leaves[c], rows, (int)meta.Codec, countOnly: true);
        return counted.TryDecodePages(bytes)
            ? new ColumnOrCounts(null, counted.BuildCounts(_leaves[c].Name, ColumnTypes[c]))
            : new ColumnOrCounts(Decode(bytes, meta, _leaves[c], ColumnTypes[c], rows), null);
    });

    /// <summary>Reads every column chunk of a row group in parallel; the first damaged column, in file order, is the error.</summary>
    private T[] ForEachColumn<T>(int index, Func<ColumnMetaData, int, int, T> read)
    {
        var group = _metadata.RowGroups[index];
        int rows = checked((int)group.NumRows);
        var columns = new T[_leaves.Length];
        var errors = new Exception?[columns.Length];
        Parallel.For(0, columns.Length, c =>
        {
            try { columns[c] = read(group.Columns[c].MetaData!, c, rows); }
            catch (Exception error) when (error is InvalidDataException or NotSupportedException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                errors[c] = error;
            }
        });
        for (int c = 0; c < errors.Length; c++)
            if (errors[c] is { } error)
                throw new InvalidDataException($"{_path}: row group {index}, column '{_leaves[c].Name}': {error.Message}", error);
        return columns;
    }

    private Column ReadChunk(ColumnMetaData meta, SchemaElement leaf, ColumnType type, int rows) =>
        Decode(ReadChunkBytes(meta), meta, leaf, type, rows);

    private byte[] ReadChunkBytes(ColumnMetaData meta)
    {
        long start = meta.DictionaryPageOffset is > 0 and var d && d < meta.DataPageOffset ? d : meta.DataPageOffset;
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)meta.TotalCompressedSize));
        int read = RandomAccess.Read(_file, bytes, start);
        if (read != bytes.Length) throw new InvalidDataException($"the column chunk is cut short ({read} of {bytes.Length} bytes).");
        return bytes;
    }

    private static Column Decode(byte[] bytes, ColumnMetaData meta, SchemaElement leaf, ColumnType type, int rows)
    {
        var decoder = new ChunkDecoder(leaf, rows, (int)meta.Codec, countOnly: false);
        decoder.TryDecodePages(bytes);
        return decoder.Build(leaf.Name, type);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _file.Dispose();

    /// <summary>Decodes the pages of one column chunk into present values (or indices) and definition levels.</summary>
    private sealed class ChunkDecoder(SchemaElement leaf, int rows, int codec, bool countOnly)
    {
        private readonly bool optional = leaf.RepetitionType != FieldRepetitionType.REQUIRED;
        // Count mode: rows per dictionary index, summed page by page; false once a page is not dictionary-encoded.
        private long[]? _counts;
        private bool _countable = true;
        // Definition levels (1 present, 0 null) per row, made only once a page has a null.
        private int[]? _defined;
        private int _rowsRead, _present;
        private int[]? _indices;
        private long[]? _plainNumbers;
        // Strings are slices of their decompressed pages: no array per value.
        private ReadOnlyMemory<byte>[]? _plainStrings;
        private long[]? _dictionaryNumbers;
        private ReadOnlyMemory<byte>[]? _dictionaryStrings;

        private bool IsBytes => leaf.Type == global::Parquet.Meta.Type.BYTE_ARRAY;

        /// <summary>Decodes every page; false when counting was asked for and a page is not dictionary-encoded.</summary>
        public bool TryDecodePages(ReadOnlySpan<byte> chunk)
        {
            int position = 0;
            while (_rowsRead < rows)
            {
                if (!_countable) return false;
                if (position >= chunk.Length) throw new InvalidDataException($"the pages end after {_rowsRead} of {rows} rows.");
                var header = PageHeaderInfo.Read(chunk[position..], out int headerLength);
                position += headerLength;
                var body = chunk.Slice(position, header.CompressedSize);
                position += header.CompressedSize;
                switch (header.Type)
                {
                    case 2:
                        DecodeDictionary(Decompress(body, header.UncompressedSize), header.Values);
                        break;
                    case 0:
                        DecodeDataPageV1(Decompress(body, header.UncompressedSize), header);
                        break;
                    case 3:
                        DecodeDataPageV2(body, header);
                        break;
                    default:
                        break; // index pages and others carry no values
                }
            }
            return _countable;
        }

        private byte[] Decompress(ReadOnlySpan<byte> body, int uncompressedSize)
        {
            var output = GC.AllocateUninitializedArray<byte>(uncompressedSize);
            PageCompression.Decompress(codec, body, output);
            return output;
        }

        private void DecodeDictionary(ReadOnlyMemory<byte> page, int entries)
        {
            if (IsBytes) _dictionaryStrings = PlainBytes(page, entries);
            else _dictionaryNumbers = PlainNumbers(page.Span, entries);
        }

        private void DecodeDataPageV1(ReadOnlyMemory<byte> page, PageHeaderInfo header)
        {
            int values = header.Values, position = 0, present = values;
            if (optional)
            {
                int length = BinaryPrimitives.ReadInt32LittleEndian(page.Span);
                present = DecodeLevels(page.Span.Slice(4, length), values);
                position = 4 + length;
            }
            else MarkPresent(values);
            DecodeValues(page[position..], header.Encoding, present);
            _rowsRead += values;
        }

        private void DecodeDataPageV2(ReadOnlySpan<byte> body, PageHeaderInfo header)
        {
            int values = header.Values, present = values;
            // Levels are never compressed in v2 pages; repetition levels are absent for flat columns.
            var levels = body[header.RepetitionLevelsLength..(header.RepetitionLevelsLength + header.DefinitionLevelsLength)];
            if (optional && header.DefinitionLevelsLength > 0) present = DecodeLevels(levels, values);
            else MarkPresent(values);
            var rest = body[(header.RepetitionLevelsLength + header.DefinitionLevelsLength)..];
            int uncompressed = header.UncompressedSize - header.RepetitionLevelsLength - header.DefinitionLevelsLength;
            var data = header.IsCompressed ? Decompress(rest, uncompressed) : rest.ToArray();
            DecodeValues(data, header.Encoding, present);
            _rowsRead += values;
        }

        /// <summary>
        /// Decodes a page's definition levels; returns how many rows are present. A page without nulls (the levels
        /// one RLE run of 1s, as writers encode them) needs no per-row levels.
        /// </summary>
        private int DecodeLevels(ReadOnlySpan<byte> levels, int values)
        {
            if (IsOneRunOfOnes(levels, values))
            {
                MarkPresent(values);
                return values;
            }
            if (countOnly)
            {
                var levelCounts = new long[2];
                RleHybrid.Count(levels, 1, values, levelCounts);
                return (int)levelCounts[1];
            }
            EnsureLevels();
            var defined = _defined.AsSpan(_rowsRead, values);
            RleHybrid.Decode(levels, 1, defined);
            int count = 0;
            foreach (int d in defined) count += d;
            return count;
        }

        private static bool IsOneRunOfOnes(ReadOnlySpan<byte> levels, int values)
        {
            ulong header = 0;
            int position = 0;
            for (int shift = 0; position < levels.Length; shift += 7)
            {
                byte b = levels[position++];
                header |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) break;
            }
            return (header & 1) == 0 && header >> 1 >= (ulong)values && position < levels.Length && levels[position] == 1;
        }

        private void MarkPresent(int values) => _defined?.AsSpan(_rowsRead, values).Fill(1);

        private void EnsureLevels()
        {
            if (_defined is not null) return;
            _defined = new int[rows];
            _defined.AsSpan(0, _rowsRead).Fill(1);
        }

        private void DecodeValues(ReadOnlyMemory<byte> memory, int encoding, int present)
        {
            var data = memory.Span;
            if (countOnly && encoding is not (2 or 8))
            {
                _countable = false;
                return;
            }
            // A writer whose dictionary grew too large goes on in PLAIN pages: the indices so far become values.
            if (encoding is not (2 or 8) && _indices is not null) IndicesToValues();
            switch (encoding)
            {
                case 2 or 8 when countOnly:
                    int size = _dictionaryNumbers?.Length ?? _dictionaryStrings?.Length ?? throw new InvalidDataException("a dictionary-encoded page comes before any dictionary page.");
                    _counts ??= new long[size];
                    if (present > 0) RleHybrid.Count(data[1..], data[0], present, _counts);
                    break;
                case 2 or 8:
                    if (_dictionaryNumbers is null && _dictionaryStrings is null) throw new InvalidDataException("a dictionary-encoded page comes before any dictionary page.");
                    if (_plainNumbers is not null || _plainStrings is not null)
                        throw new InvalidDataException("a dictionary-encoded page follows a PLAIN page in one column chunk.");
                    _indices ??= GC.AllocateUninitializedArray<int>(rows);
                    if (present > 0) RleHybrid.Decode(data[1..], data[0], _indices.AsSpan(_present, present));
                    break;
                case 0 when IsBytes:
                    _plainStrings ??= new ReadOnlyMemory<byte>[rows];
                    PlainBytes(memory, present).CopyTo(_plainStrings.AsSpan(_present));
                    break;
                case 0:
                    _plainNumbers ??= new long[rows];
                    PlainNumbers(data, present).CopyTo(_plainNumbers.AsSpan(_present));
                    break;
                case 5 when !IsBytes && leaf.Type is global::Parquet.Meta.Type.INT32 or global::Parquet.Meta.Type.INT64:
                    _plainNumbers ??= new long[rows];
                    var deltas = _plainNumbers.AsSpan(_present, present);
                    DeltaEncodings.DecodeBinaryPacked(data, deltas);
                    // INT32 deltas wrap in 32 bits.
                    if (leaf.Type == global::Parquet.Meta.Type.INT32)
                        foreach (ref long number in deltas) number = (int)number;
                    break;
                case 6 when IsBytes:
                    _plainStrings ??= new ReadOnlyMemory<byte>[rows];
                    var decoded = DeltaEncodings.DecodeLengthByteArray(data, present);
                    for (int i = 0; i < decoded.Length; i++) _plainStrings[_present + i] = decoded[i];
                    break;
                case 9 when !IsBytes:
                    int width = leaf.Type is global::Parquet.Meta.Type.INT64 or global::Parquet.Meta.Type.DOUBLE ? 8 : 4;
                    _plainNumbers ??= new long[rows];
                    PlainNumbers(DeltaEncodings.DecodeByteStreamSplit(data, present, width), present).CopyTo(_plainNumbers.AsSpan(_present));
                    break;
                default:
                    throw new NotSupportedException($"page encoding {encoding} is read through Parquet.Net.");
            }
            _present += present;
        }

        private void IndicesToValues()
        {
            var indices = _indices!;
            if (IsBytes)
            {
                _plainStrings = new ReadOnlyMemory<byte>[rows];
                for (int i = 0; i < _present; i++) _plainStrings[i] = _dictionaryStrings![indices[i]];
            }
            else
            {
                _plainNumbers = new long[rows];
                for (int i = 0; i < _present; i++) _plainNumbers[i] = _dictionaryNumbers![indices[i]];
            }
            _indices = null;
        }

        /// <summary>Timestamps (the first <paramref name="count"/>, or all when negative) as formatted UTF-8 strings.</summary>
        private ReadOnlyMemory<byte>[] Timestamps(long[] values, int count)
        {
            long ticksPerUnit = TicksPerUnit(leaf) ?? throw new InvalidOperationException($"Column '{leaf.Name}' is not a timestamp.");
            var result = new ReadOnlyMemory<byte>[count < 0 ? values.Length : count];
            for (int i = 0; i < result.Length; i++) result[i] = FormatTimestamp(values[i], ticksPerUnit);
            return result;
        }

        /// <summary>The chunk as distinct values with their row counts (count mode).</summary>
        public CountedColumn BuildCounts(string name, ColumnType type)
        {
            if (_rowsRead != rows) throw new InvalidDataException($"the chunk holds {_rowsRead} rows where the row group has {rows}.");
            var counts = _counts ?? [];
            if (type == ColumnType.String)
            {
                var strings = IsBytes ? _dictionaryStrings ?? [] : Timestamps(_dictionaryNumbers ?? [], -1);
                return new CountedColumn(name, type, null, strings, counts.Length == strings.Length ? counts : new long[strings.Length], rows - _present);
            }
            var numbers = _dictionaryNumbers ?? [];
            var values = new double[numbers.Length];
            for (int i = 0; i < values.Length; i++) values[i] = type == ColumnType.Float64 ? BitConverter.Int64BitsToDouble(numbers[i]) : numbers[i];
            return new CountedColumn(name, type, values, null, counts.Length == values.Length ? counts : new long[values.Length], rows - _present);
        }

        /// <summary>PLAIN byte arrays, as slices of the page.</summary>
        private static ReadOnlyMemory<byte>[] PlainBytes(ReadOnlyMemory<byte> data, int count)
        {
            var values = new ReadOnlyMemory<byte>[count];
            var bytes = data.Span;
            int position = 0;
            for (int i = 0; i < count; i++)
            {
                int length = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
                if ((uint)length > (uint)(bytes.Length - position - 4)) throw new InvalidDataException($"a PLAIN byte array of {length} bytes runs past its page.");
                values[i] = data.Slice(position + 4, length);
                position += 4 + length;
            }
            return values;
        }

        /// <summary>PLAIN numbers widened to 64 bits: INT32 sign-extended, FLOAT widened to a double's bits.</summary>
        private long[] PlainNumbers(ReadOnlySpan<byte> data, int count)
        {
            var values = new long[count];
            switch (leaf.Type)
            {
                case global::Parquet.Meta.Type.INT64 or global::Parquet.Meta.Type.DOUBLE:
                    System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(data[..(8 * count)]).CopyTo(values);
                    break;
                case global::Parquet.Meta.Type.INT32:
                    for (int i = 0; i < count; i++) values[i] = BinaryPrimitives.ReadInt32LittleEndian(data[(4 * i)..]);
                    break;
                default:
                    for (int i = 0; i < count; i++) values[i] = BitConverter.DoubleToInt64Bits(BinaryPrimitives.ReadSingleLittleEndian(data[(4 * i)..]));
                    break;
            }
            return values;
        }

        public Column Build(string name, ColumnType type)
        {
            if (_rowsRead != rows) throw new InvalidDataException($"the chunk holds {_rowsRead} rows where the row group has {rows}.");
            var present = _present;
            // Row → index into the present values (or the dictionary), −1 when null. Without nulls, a dictionary
            // chunk's indices are the codes as they are.
            int[] codes;
            if (_defined is null && _indices is not null) codes = _indices;
            else
            {
                codes = GC.AllocateUninitializedArray<int>(rows);
                for (int row = 0, next = 0; row < rows; row++)
                    codes[row] = _defined is not null && _defined[row] == 0 ? -1 : _indices is { } indices ? indices[next++] : next++;
            }
            if (type == ColumnType.String)
            {
                var keys = IsBytes ? _indices is not null ? _dictionaryStrings ?? [] : _plainStrings ?? []
                    : Timestamps(_indices is not null ? _dictionaryNumbers ?? [] : _plainNumbers ?? [], _indices is not null ? -1 : present);
                return StringColumn.FromCodes(name, keys, codes, rows - present);
            }
            var numbers = _plainNumbers ?? _dictionaryNumbers ?? [];
            bool isDouble = type == ColumnType.Float64;
            if (_indices is not null)
            {
                var dictionary = new double[numbers.Length];
                for (int i = 0; i < dictionary.Length; i++) dictionary[i] = isDouble ? BitConverter.Int64BitsToDouble(numbers[i]) : numbers[i];
                var column = isDouble ? (Column)Float64Column.FromCodes(name, dictionary, codes) : Int64Column.FromCodes(name, numbers, codes);
                column.NumericCodes = new NumericCodes(dictionary, codes);
                return column;
            }
            return isDouble ? Float64Column.FromCodes(name, numbers.Select(BitConverter.Int64BitsToDouble).ToArray(), codes) : Int64Column.FromCodes(name, numbers, codes);
        }
    }

    /// <summary>The fields of a page header this reader needs.</summary>
    private readonly record struct PageHeaderInfo(int Type, int UncompressedSize, int CompressedSize, int Values, int Encoding,
        int DefinitionLevelsLength, int RepetitionLevelsLength, bool IsCompressed)
    {
        public static PageHeaderInfo Read(ReadOnlySpan<byte> bytes, out int length)
        {
            var thrift = new ThriftCompactReader(bytes);
            int type = -1, uncompressed = 0, compressed = 0, values = 0, encoding = 0, definition = 0, repetition = 0;
            bool isCompressed = true;
            while (thrift.NextField(out short id, out byte fieldType))
            {
                switch (id)
                {
                    case 1: type = thrift.I32(); break;
                    case 2: uncompressed = thrift.I32(); break;
                    case 3: compressed = thrift.I32(); break;
                    case 5 or 7 or 8 when fieldType == 12:
                        short saved = thrift.BeginStruct();
                        while (thrift.NextField(out short inner, out byte innerType))
                        {
                            // DataPageHeader: 1 values, 2 encoding; DictionaryPageHeader: 1 values, 2 encoding;
                            // DataPageHeaderV2: 1 values, 4 encoding, 5/6 level lengths, 7 is_compressed.
                            if (inner == 1) values = thrift.I32();
                            else if (inner == 2 && id != 8) encoding = thrift.I32();
                            else if (inner == 4 && id == 8) encoding = thrift.I32();
                            else if (inner == 5 && id == 8) definition = thrift.I32();
                            else if (inner == 6 && id == 8) repetition = thrift.I32();
                            else if (inner == 7 && id == 8) isCompressed = thrift.Bool();
                            else thrift.Skip(innerType);
                        }
                        thrift.EndStruct(saved);
                        break;
                    default:
                        thrift.Skip(fieldType);
                        break;
                }
            }
            length = thrift.Position;
            return new PageHeaderInfo(type, uncompressed, compressed, values, encoding, definition, repetition, isCompressed);
        }
    }
}
