using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Millrace.Compute.IO;

/// <summary>
/// A dictionary-encoded string column: each row holds a code into <see cref="Dictionary"/>, or −1 when missing.
/// Values are keyed by their UTF-8 bytes in an open-addressing table of codes (4 bytes a slot, at most a quarter
/// full) beside each code's value packed in two words when it has up to 16 bytes (most categorical cells, dates,
/// ids), so that a cell already seen costs one hash, one slot read and one compare, and allocates nothing; the
/// previous row's value is checked first, which catches the runs that sorted columns are made of. Slots of codes
/// keep the table of a column of tens of thousands of values within the core's cache, where every new value's slot
/// read would otherwise go to memory. The values' bytes sit end to end in one buffer, and the .NET strings of
/// <see cref="Dictionary"/> are made on first use: ingest, Parquet and statistics work on the UTF-8 bytes.
/// </summary>
public sealed class StringColumn : Column
{
    /// <summary>
    /// A value as the table compares it: its bytes packed when it has up to 16 (<see cref="Low"/> the first eight,
    /// <see cref="High"/> the rest, zero-padded), or for a longer value its hash in <see cref="Low"/>; with its length
    /// and <see cref="Code"/>, the code + 1 (0: none).
    /// </summary>
    internal struct Packed
    {
        public ulong Low, High;
        public int Length, Code;
    }

    private const int PackedBytes = 16;
    private int[] _codes = [];
    private readonly List<string> _dictionary = [];
    private int _count;
    private byte[] _bytes = new byte[4096];
    private int[] _starts = new int[513];
    /// <summary>The hash table: in each slot a code + 1, or 0 when empty.</summary>
    private int[] _slots = NewSlots(1024);

    /// <summary>Each code's value, packed.</summary>
    private Packed[] _values = new Packed[256];
    private int _shift = 64 - 10;
    private Packed _previous;

    /// <summary>Creates an empty column.</summary>
    public StringColumn(string name) : base(name) { }

    /// <summary>
    /// The lookup table and value bytes of a column, handed from a column no longer read to a new one of the same
    /// values (the same CSV column in the next block), which then starts with a table already grown to size: no
    /// doubling and rehashing, no fresh large arrays to clear and fault in.
    /// </summary>
    internal sealed record Tables(int[] Slots, Packed[] Values, byte[] Bytes, int[] Starts);

    /// <summary>Creates an empty column on recycled tables (emptied here), or on new ones when <paramref name="recycled"/> is null.</summary>
    internal StringColumn(string name, Tables? recycled) : base(name)
    {
        if (recycled is null) return;
        Array.Clear(recycled.Slots);
        (_slots, _values, _bytes, _starts) = (recycled.Slots, recycled.Values, recycled.Bytes, recycled.Starts);
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)_slots.Length);
        _starts[0] = 0;
    }

    /// <summary>
    /// Takes the column's tables away for a new column (see <see cref="Tables"/>), leaving it without values or
    /// rows: a stale reader sees an empty column rather than another's data.
    /// </summary>
    /// <summary>Hands a column's detached lookup table back to the shared pool (the reader's spare tables when it is disposed).</summary>
    internal static void ReturnTables(Tables tables) => SpareArrays.Return(tables.Slots);

    /// <summary>
    /// An empty table of exactly <paramref name="length"/> slots (a power of two): from the shared pool, which hands
    /// out powers of two from 16 on; a smaller one (a detached column's) is allocated.
    /// </summary>
    private static int[] NewSlots(int length)
    {
        Debug.Assert(System.Numerics.BitOperations.IsPow2(length));
        return length < 16 ? new int[length] : SpareArrays.Rent<int>(length, zeroed: true);
    }

    internal Tables DetachTables()
    {
        var tables = new Tables(_slots, _values, _bytes, _starts);
        (_slots, _values, _shift, _bytes, _starts, _count, _previous) = (new int[4], [], 62, [], [0, 0], 0, default);
        lock (_dictionary) _dictionary.Clear();
        (_codes, Length, MissingCount) = ([], 0, 0);
        return tables;
    }

    /// <inheritdoc/>
    public override ColumnType Type => ColumnType.String;

    /// <summary>The code of each row: an index into <see cref="Dictionary"/>, or −1 when missing.</summary>
    public ReadOnlySpan<int> Codes => _codes.AsSpan(0, Length);

    /// <summary>The distinct values, in order of first appearance.</summary>
    public IReadOnlyList<string> Dictionary
    {
        get
        {
            lock (_dictionary)
                while (_dictionary.Count < _count) _dictionary.Add(Encoding.UTF8.GetString(Utf8Of(_dictionary.Count)));
            return _dictionary;
        }
    }

    /// <summary>How many distinct values the column holds.</summary>
    public int DictionaryCount => _count;

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _codes[row] < 0;

    /// <summary>A column of these values; <see langword="null"/> is missing.</summary>
    public static StringColumn FromValues(string name, ReadOnlySpan<string?> values)
    {
        var column = new StringColumn(name);
        column.ReserveRows(values.Length);
        foreach (var value in values)
        {
            if (value is null) column.AppendMissing();
            else column.TryAppend(value);
        }
        return column;
    }

    /// <summary>The UTF-8 bytes of the value of code <paramref name="code"/>.</summary>
    public ReadOnlySpan<byte> Utf8Of(int code)
    {
        if ((uint)code >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(code), code, $"The column has {_count} distinct values.");
        return _bytes.AsSpan(_starts[code], _starts[code + 1] - _starts[code]);
    }

    /// <summary>
    /// A column from a dictionary of UTF-8 values and, per row, an index into it or −1 (missing). Repeated
    /// dictionary values share one code.
    /// </summary>
    internal static StringColumn FromCodes(string name, ReadOnlyMemory<byte>[] dictionary, int[] codes, long missing)
    {
        var column = new StringColumn(name);
        var remap = new int[dictionary.Length];
        bool identity = true;
        for (int i = 0; i < dictionary.Length; i++) identity &= (remap[i] = column.CodeOf(dictionary[i].Span)) == i;
        // A dictionary without repeats (every writer's) keeps its codes; the loop is for one with repeats.
        if (!identity)
            for (int row = 0; row < codes.Length; row++)
                if (codes[row] >= 0) codes[row] = remap[codes[row]];
        column._codes = codes;
        column.Length = codes.Length;
        column.MissingCount = missing;
        return column;
    }

    /// <summary>Takes the codes a parser filled, by <see cref="CodeOf"/> of this column: the first <paramref name="length"/> rows.</summary>
    internal void AdoptCodes(int[] codes, int length)
    {
        _codes = codes;
        Length = length;
        MissingCount = codes.AsSpan(0, length).Count(-1);
    }

    /// <summary>Takes the column's codes away for reuse, leaving it without rows (so that a stale reader sees no rows rather than other data).</summary>
    internal int[] DetachCodes()
    {
        var codes = _codes;
        (_codes, Length, MissingCount) = ([], 0, 0);
        return codes;
    }

    /// <summary>The value of a row, or <see langword="null"/> when missing.</summary>
    public string? this[int row] => _codes[row] < 0 ? null : Dictionary[_codes[row]];

    internal override bool TryAppend(ReadOnlySpan<char> text)
    {
        int length = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> utf8 = rented ?? stackalloc byte[512];
        int written = Encoding.UTF8.GetBytes(text, utf8);
        TryAppendUtf8(utf8[..written]);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return true;
    }

    internal override bool TryAppendUtf8(ReadOnlySpan<byte> utf8)
    {
        if (Length == _codes.Length) EnsureCapacity(ref _codes, Length + 1);
        _codes[Length++] = CodeOf(utf8);
        return true;
    }

    internal override void ReserveRows(int rows) => GrowExactly(ref _codes, rows);

    internal override void AppendMissing()
    {
        if (Length == _codes.Length) EnsureCapacity(ref _codes, Length + 1);
        _codes[Length++] = -1;
        MissingCount++;
    }

    internal override void AppendColumn(Column other)
    {
        var source = (StringColumn)other;
        var remap = new int[source._count];
        for (int i = 0; i < remap.Length; i++) remap[i] = CodeOf(source.Utf8Of(i));
        EnsureCapacity(ref _codes, Length + source.Length);
        var target = _codes.AsSpan(Length, source.Length);
        var codes = source.Codes;
        for (int i = 0; i < codes.Length; i++) target[i] = codes[i] < 0 ? -1 : remap[codes[i]];
        Length += source.Length;
        MissingCount += source.MissingCount;
    }

    /// <summary>The code of a value, added to the dictionary when new.</summary>
    internal int CodeOf(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > PackedBytes) return CodeOfLong(utf8);
        ulong low = Pack(utf8[..Math.Min(8, utf8.Length)]), high = utf8.Length > 8 ? Pack(utf8[8..]) : 0;
        return CodeOfPacked(low, high, utf8);
    }

    /// <summary>
    /// The code of a value of up to 16 bytes given also packed: <paramref name="low"/> holds its first eight bytes
    /// and <paramref name="high"/> the rest, little-endian and zero-padded (as <see cref="Pack"/> makes them).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int CodeOfPacked(ulong low, ulong high, ReadOnlySpan<byte> utf8)
    {
        // Small enough to be inlined into the parser: a sorted column's run, or a value in its own slot, costs no call.
        if (_previous.Low == low && _previous.High == high && _previous.Length == utf8.Length && _previous.Code != 0) return _previous.Code - 1;
        int code = _slots[(int)(HashPacked(low, high, utf8.Length) >> _shift)];
        if (code != 0)
        {
            ref var value = ref _values[code - 1];
            if (value.Low == low && value.High == high && value.Length == utf8.Length)
            {
                _previous = value;
                return code - 1;
            }
        }
        return Probe(low, high, utf8);
    }

    private int Probe(ulong low, ulong high, ReadOnlySpan<byte> utf8)
    {
        var slots = _slots;
        int mask = slots.Length - 1, length = utf8.Length;
        for (int at = (int)(HashPacked(low, high, length) >> _shift); ; at = (at + 1) & mask)
        {
            int code = slots[at];
            if (code == 0) return Insert(at, low, high, utf8);
            ref var value = ref _values[code - 1];
            if (value.Low == low && value.High == high && value.Length == length)
            {
                _previous = value;
                return code - 1;
            }
        }
    }

    /// <summary>A value longer than 16 bytes: the table keeps its hash, and the bytes are compared in full.</summary>
    private int CodeOfLong(ReadOnlySpan<byte> utf8)
    {
        ulong hash = Utf8Hash.Hash(utf8);
        if (_previous.Length == utf8.Length && _previous.Low == hash && _previous.Code != 0 && utf8.SequenceEqual(Utf8Of(_previous.Code - 1)))
            return _previous.Code - 1;
        var slots = _slots;
        int mask = slots.Length - 1;
        for (int at = (int)(hash >> _shift); ; at = (at + 1) & mask)
        {
            int code = slots[at];
            if (code == 0) return Insert(at, hash, 0, utf8);
            ref var value = ref _values[code - 1];
            if (value.Low == hash && value.Length == utf8.Length && utf8.SequenceEqual(Utf8Of(code - 1)))
            {
                _previous = value;
                return code - 1;
            }
        }
    }

    private int Insert(int slot, ulong low, ulong high, ReadOnlySpan<byte> utf8)
    {
        int code = _count;
        if (code + 2 > _starts.Length) Array.Resize(ref _starts, _starts.Length * 2);
        if (code == _values.Length) Array.Resize(ref _values, Math.Max(256, _values.Length * 2));
        int start = _starts[code];
        if (start + utf8.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(start + utf8.Length, _bytes.Length * 2));
        utf8.CopyTo(_bytes.AsSpan(start));
        _starts[code + 1] = start + utf8.Length;
        _values[code] = _previous = new Packed { Low = low, High = high, Length = utf8.Length, Code = code + 1 };
        _slots[slot] = code + 1;
        _count++;
        if (_count * 4 > _slots.Length) Rehash();
        return code;
    }

    /// <summary>Up to 8 bytes as a little-endian word, zero-padded: the packing the parser makes with one masked load.</summary>
    internal static ulong Pack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 8) return MemoryMarshal.Read<ulong>(bytes);
        ulong value = 0;
        for (int i = 0; i < bytes.Length; i++) value |= (ulong)bytes[i] << (8 * i);
        return value;
    }

    /// <summary>A multiplicative hash of a packed value; the table is indexed by its top bits, which every input bit reaches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HashPacked(ulong low, ulong high, int length) =>
        (low * 0x9E3779B97F4A7C15UL) ^ ((high + (ulong)length) * 0xC2B2AE3D27D4EB4FUL);

    /// <summary>
    /// Doubles the table, keeping it at most a quarter full: most values then sit in their own slot, which the parser
    /// checks inline; at half full about a quarter of a categorical column's cells took the call to <see cref="Probe"/>
    /// (the parse of flights-3m.csv took ~10% more CPU).
    /// </summary>
    private void Rehash()
    {
        var old = _slots;
        _slots = NewSlots(old.Length * 2);
        _shift--;
        int mask = _slots.Length - 1;
        for (int code = 0; code < _count; code++)
        {
            ref var value = ref _values[code];
            ulong hash = value.Length > PackedBytes ? value.Low : HashPacked(value.Low, value.High, value.Length);
            int at = (int)(hash >> _shift);
            while (_slots[at] != 0) at = (at + 1) & mask;
            _slots[at] = code + 1;
        }
        SpareArrays.Return(old);
    }
}
