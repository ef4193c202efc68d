using System.Buffers;
using System.Text;

namespace Millrace.Compute.IO.Parquet;

/// <summary>
/// Writes Thrift's compact protocol, the encoding of Parquet's page headers and file footer: a field is a header
/// byte (the id as a delta from the previous field of the same struct, and the type) followed by its value;
/// integers are zigzag varints; a struct ends with a zero byte.
/// </summary>
internal sealed class ThriftCompactWriter(IBufferWriter<byte> output)
{
    private const byte BoolTrue = 1, BoolFalse = 2, I32Type = 5, I64Type = 6, BinaryType = 8, ListType = 9, StructType = 12;

    private readonly Stack<short> _enclosing = new();
    private short _lastField;

    /// <summary>Starts a struct: a top-level one, or the element of a list.</summary>
    public void BeginStruct()
    {
        _enclosing.Push(_lastField);
        _lastField = 0;
    }

    /// <summary>Ends the current struct.</summary>
    public void EndStruct()
    {
        WriteByte(0);
        _lastField = _enclosing.Pop();
    }

    /// <summary>A struct-valued field: write its fields, then <see cref="EndStruct"/>.</summary>
    public void BeginStructField(short id)
    {
        FieldHeader(id, StructType);
        BeginStruct();
    }

    public void I32(short id, int value)
    {
        FieldHeader(id, I32Type);
        Varint(ZigZag(value));
    }

    public void I64(short id, long value)
    {
        FieldHeader(id, I64Type);
        Varint(ZigZag(value));
    }

    public void Bool(short id, bool value) => FieldHeader(id, value ? BoolTrue : BoolFalse);

    public void Binary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, BinaryType);
        BinaryValue(value);
    }

    public void String(short id, string value) => Binary(id, Encoding.UTF8.GetBytes(value));

    /// <summary>A list of i32 (Parquet's enums).</summary>
    public void I32List(short id, ReadOnlySpan<int> values)
    {
        FieldHeader(id, ListType);
        ListHeader(I32Type, values.Length);
        foreach (int value in values) Varint(ZigZag(value));
    }

    /// <summary>A list of strings.</summary>
    public void StringList(short id, IReadOnlyList<string> values)
    {
        FieldHeader(id, ListType);
        ListHeader(BinaryType, values.Count);
        foreach (string value in values) BinaryValue(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>A list of structs: write each element between <see cref="BeginStruct"/> and <see cref="EndStruct"/>.</summary>
    public void BeginStructList(short id, int count)
    {
        FieldHeader(id, ListType);
        ListHeader(StructType, count);
    }

    private void FieldHeader(short id, byte type)
    {
        int delta = id - _lastField;
        if (delta is > 0 and <= 15) WriteByte((byte)(delta << 4 | type));
        else
        {
            WriteByte(type);
            Varint(ZigZag(id));
        }
        _lastField = id;
    }

    private void ListHeader(byte elementType, int count)
    {
        if (count < 15) WriteByte((byte)(count << 4 | elementType));
        else
        {
            WriteByte((byte)(0xF0 | elementType));
            Varint((ulong)count);
        }
    }

    private void BinaryValue(ReadOnlySpan<byte> value)
    {
        Varint((ulong)value.Length);
        value.CopyTo(output.GetSpan(value.Length));
        output.Advance(value.Length);
    }

    private void WriteByte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private void Varint(ulong value)
    {
        var span = output.GetSpan(10);
        int n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[n++] = (byte)value;
        output.Advance(n);
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}

/// <summary>Reads Thrift's compact protocol: enough for Parquet page headers, skipping fields it does not know.</summary>
internal ref struct ThriftCompactReader(ReadOnlySpan<byte> input)
{
    private readonly ReadOnlySpan<byte> _input = input;
    private int _position;
    private short _lastField;
    private bool _boolValue;

    /// <summary>How many bytes were read.</summary>
    public readonly int Position => _position;

    /// <summary>
    /// Reads the next field header of the current struct; false at its end. Call <see cref="BeginStruct"/> before a
    /// nested struct's fields and <see cref="EndStruct"/> after them, passing the saved field id back.
    /// </summary>
    public bool NextField(out short id, out byte type)
    {
        byte header = _input[_position++];
        if (header == 0)
        {
            id = 0;
            type = 0;
            return false;
        }
        type = (byte)(header & 0x0F);
        int delta = header >> 4;
        id = delta != 0 ? (short)(_lastField + delta) : (short)UnZigZag(Varint());
        _lastField = id;
        if (type is 1 or 2) _boolValue = type == 1;
        return true;
    }

    /// <summary>Enters a struct-valued field; returns the enclosing struct's last field id, for <see cref="EndStruct"/>.</summary>
    public short BeginStruct()
    {
        short saved = _lastField;
        _lastField = 0;
        return saved;
    }

    /// <summary>Leaves a nested struct whose end marker <see cref="NextField"/> has read.</summary>
    public void EndStruct(short saved) => _lastField = saved;

    public int I32() => (int)UnZigZag(Varint());

    public long I64() => UnZigZag(Varint());

    public readonly bool Bool() => _boolValue;

    /// <summary>Skips the value of a field of this type.</summary>
    public void Skip(byte type)
    {
        switch (type)
        {
            case 1 or 2: break;
            case 3: _position++; break;
            case 4 or 5 or 6: Varint(); break;
            case 7: _position += 8; break;
            case 8:
                // Not `_position += Varint()`: that reads _position before the varint moves it.
                int length = (int)Varint();
                _position += length;
                break;
            case 9 or 10:
                byte header = _input[_position++];
                int count = header >> 4 == 15 ? (int)Varint() : header >> 4;
                byte element = (byte)(header & 0x0F);
                for (int i = 0; i < count; i++)
                {
                    // In a list, booleans take a byte each.
                    if (element is 1 or 2) _position++;
                    else Skip(element);
                }
                break;
            case 11:
                int entries = (int)Varint();
                if (entries > 0)
                {
                    byte types = _input[_position++];
                    for (int i = 0; i < entries; i++)
                    {
                        Skip((byte)(types >> 4));
                        Skip((byte)(types & 0x0F));
                    }
                }
                break;
            case 12:
                short saved = BeginStruct();
                while (NextField(out _, out byte fieldType)) Skip(fieldType);
                EndStruct(saved);
                break;
            default:
                throw new InvalidDataException($"Unknown Thrift compact type {type} at byte {_position}.");
        }
    }

    private ulong Varint()
    {
        ulong result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = _input[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
            if (shift > 63) throw new InvalidDataException("A Thrift varint is longer than 10 bytes.");
        }
    }

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
