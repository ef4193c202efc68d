using System.Runtime.InteropServices;

namespace Millrace.Compute.IO;

/// <summary>
/// A dictionary-encoded string column: each row holds a code into <see cref="Dictionary"/>, or −1 when missing.
/// Looking a cell up by its span allocates nothing for a value already seen: an open-addressing table of codes,
/// keyed by a fast 64-bit hash of the characters, and a check against the previous row's value first, which
/// catches the runs that sorted columns (dates, ids) are made of.
/// </summary>
public sealed class StringColumn : Column
{
    private int[] _codes = [];
    private readonly List<string> _dictionary = [];
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
    public IReadOnlyList<string> Dictionary => _dictionary;

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _codes[row] < 0;

    /// <summary>The value of a row, or <see langword="null"/> when missing.</summary>
    public string? this[int row] => _codes[row] < 0 ? null : _dictionary[_codes[row]];

    internal override bool TryAppend(ReadOnlySpan<char> text)
    {
        if (Length == _codes.Length) EnsureCapacity(ref _codes, Length + 1);
        _codes[Length++] = CodeOf(text);
        return true;
    }

    internal override void AppendMissing()
    {
        EnsureCapacity(ref _codes, Length + 1);
        _codes[Length++] = -1;
        MissingCount++;
    }

    internal override void AppendColumn(Column other)
    {
        var source = (StringColumn)other;
        var remap = new int[source._dictionary.Count];
        for (int i = 0; i < remap.Length; i++) remap[i] = CodeOf(source._dictionary[i]);
        EnsureCapacity(ref _codes, Length + source.Length);
        var target = _codes.AsSpan(Length, source.Length);
        var codes = source.Codes;
        for (int i = 0; i < codes.Length; i++) target[i] = codes[i] < 0 ? -1 : remap[codes[i]];
        Length += source.Length;
        MissingCount += source.MissingCount;
    }

    private int CodeOf(ReadOnlySpan<char> text)
    {
        if (_previous >= 0 && text.SequenceEqual(_dictionary[_previous])) return _previous;
        ulong hash = Hash(text);
        int mask = _slots.Length - 1, slot = (int)hash & mask;
        for (int entry; (entry = _slots[slot]) != 0; slot = (slot + 1) & mask)
        {
            int code = entry - 1;
            if (_hashes[code] == hash && text.SequenceEqual(_dictionary[code])) return _previous = code;
        }
        _previous = _dictionary.Count;
        _dictionary.Add(text.ToString());
        if (_previous == _hashes.Length) Array.Resize(ref _hashes, _hashes.Length * 2);
        _hashes[_previous] = hash;
        _slots[slot] = _previous + 1;
        if (_dictionary.Count * 2 > _slots.Length) Rehash();
        return _previous;
    }

    /// <summary>A fast hash for the table: short values (most categorical cells) are one or two word loads, no loop.</summary>
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var bytes = MemoryMarshal.AsBytes(text);
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
        for (int code = 0; code < _dictionary.Count; code++)
        {
            int slot = (int)_hashes[code] & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = code + 1;
        }
    }
}
