using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Millrace.Compute.IO;

/// <summary>
/// A dictionary-encoded string column: each row holds a code into <see cref="Dictionary"/>, or −1 when missing.
/// Values are keyed by their UTF-8 bytes in an open-addressing table, so a cell already seen costs one hash and one
/// comparison and allocates nothing; the previous row's value is checked first, which catches the runs that sorted
/// columns (dates, ids) are made of. A value of up to 8 bytes (most categorical cells) is also kept packed in a
/// word, so that it is compared without touching its array. The .NET strings of <see cref="Dictionary"/> are made
/// on first use: ingest, Parquet and statistics work on the UTF-8 bytes.
/// </summary>
public sealed class StringColumn : Column
{
    private int[] _codes = [];
    private readonly List<string> _dictionary = [];
    private int _count;
    private ulong[] _packed = new ulong[512];
    private int[] _lengths = new int[512];
    private byte[][] _keys = new byte[512][];
    private ulong[] _hashes = new ulong[512];
    private int[] _slots = new int[1024];
    private int _previous = -1;

    /// <summary>Creates an empty column.</summary>
    public StringColumn(string name) : base(name) { }

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
                while (_dictionary.Count < _count) _dictionary.Add(Encoding.UTF8.GetString(_keys[_dictionary.Count]));
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
    public ReadOnlySpan<byte> Utf8Of(int code) => _keys.AsSpan(0, _count)[code];

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
        column._previous = -1;
        return column;
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
        for (int i = 0; i < remap.Length; i++) remap[i] = CodeOf(source._keys[i]);
        EnsureCapacity(ref _codes, Length + source.Length);
        var target = _codes.AsSpan(Length, source.Length);
        var codes = source.Codes;
        for (int i = 0; i < codes.Length; i++) target[i] = codes[i] < 0 ? -1 : remap[codes[i]];
        Length += source.Length;
        MissingCount += source.MissingCount;
    }

    private int CodeOf(ReadOnlySpan<byte> utf8)
    {
        int length = utf8.Length;
        ulong packed = length <= 8 ? Pack(utf8) : 0;
        if (_previous >= 0 && _lengths[_previous] == length && (length <= 8 ? _packed[_previous] == packed : utf8.SequenceEqual(_keys[_previous])))
            return _previous;
        ulong hash = length <= 8 ? HashPacked(packed, length) : Hash(utf8);
        int mask = _slots.Length - 1, slot = (int)hash & mask;
        for (int entry; (entry = _slots[slot]) != 0; slot = (slot + 1) & mask)
        {
            int code = entry - 1;
            if (_hashes[code] == hash && _lengths[code] == length && (length <= 8 ? _packed[code] == packed : utf8.SequenceEqual(_keys[code])))
                return _previous = code;
        }
        _previous = _count;
        if (_previous == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _hashes, _hashes.Length * 2);
            Array.Resize(ref _packed, _packed.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
        }
        _keys[_previous] = utf8.ToArray();
        _hashes[_previous] = hash;
        _packed[_previous] = packed;
        _lengths[_previous] = length;
        _count++;
        _slots[slot] = _previous + 1;
        if (_count * 2 > _slots.Length) Rehash();
        return _previous;
    }

    /// <summary>
    /// Up to 8 bytes in a word: the first and last four (overlapping below 8), or the bytes one by one below 4;
    /// with the length, distinct values give distinct words.
    /// </summary>
    private static ulong Pack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 4) return MemoryMarshal.Read<uint>(bytes) | (ulong)MemoryMarshal.Read<uint>(bytes[^4..]) << 32;
        ulong value = 0;
        for (int i = 0; i < bytes.Length; i++) value |= (ulong)bytes[i] << (8 * i);
        return value;
    }

    private static ulong HashPacked(ulong packed, int length)
    {
        ulong h = (packed ^ ((ulong)length << 59)) * 0x9E3779B97F4A7C15UL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 32);
    }

    /// <summary>A fast hash for the table: values up to 16 bytes (most categorical cells) are two word loads, no loop.</summary>
    private static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 16) return Utf8Hash.Hash(bytes);
        ulong low = 0, high = 0;
        if (bytes.Length >= 8)
        {
            low = MemoryMarshal.Read<ulong>(bytes);
            high = MemoryMarshal.Read<ulong>(bytes[^8..]);
        }
        else
        {
            for (int i = 0; i < bytes.Length; i++) low |= (ulong)bytes[i] << (8 * i);
        }
        ulong h = (low * 0x9E3779B97F4A7C15UL) ^ (high * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)bytes.Length;
        h ^= h >> 32;
        h *= 0xD6E8FEB86659FD93UL;
        return h ^ (h >> 32);
    }

    /// <summary>Doubles the table, keeping it at most half full so that probes stay short.</summary>
    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        int mask = _slots.Length - 1;
        for (int code = 0; code < _count; code++)
        {
            int slot = (int)_hashes[code] & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = code + 1;
        }
    }
}
