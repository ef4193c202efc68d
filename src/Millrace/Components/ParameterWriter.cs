using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Millrace;

/// <summary>
/// Writes a component's parameters as canonical JSON: properties in ordinal name order (the generator emits them
/// so), numbers in their shortest round-trip form, enums by name, times in invariant ISO forms. Equal parameters
/// give equal text on every machine and culture, so the text (or its hash) can key a cache.
/// </summary>
public sealed class ParameterWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _json;

    /// <summary>Starts an encoding: an open root object.</summary>
    public ParameterWriter()
    {
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false, SkipValidation = false });
        _json.WriteStartObject();
    }

    /// <summary>Writes the name of the next property.</summary>
    public void WritePropertyName(string name) => _json.WritePropertyName(name);

    /// <summary>Writes <see langword="null"/>.</summary>
    public void WriteNull() => _json.WriteNullValue();

    /// <summary>Writes a Boolean.</summary>
    public void WriteValue(bool value) => _json.WriteBooleanValue(value);

    /// <summary>Writes a signed integer.</summary>
    public void WriteValue(long value) => _json.WriteNumberValue(value);

    /// <summary>Writes an unsigned integer.</summary>
    public void WriteValue(ulong value) => _json.WriteNumberValue(value);

    /// <summary>Writes a decimal, keeping its scale (1.0 and 1.00 differ).</summary>
    public void WriteValue(decimal value) => _json.WriteNumberValue(value);

    /// <summary>Writes a double in shortest round-trip form; NaN and infinities as strings.</summary>
    public void WriteValue(double value)
    {
        if (double.IsFinite(value)) _json.WriteNumberValue(value);
        else _json.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes a float in its own shortest round-trip form; NaN and infinities as strings.</summary>
    public void WriteValue(float value)
    {
        if (float.IsFinite(value)) _json.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
        else _json.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes a character as a one-character string.</summary>
    public void WriteValue(char value) => _json.WriteStringValue(value.ToString());

    /// <summary>Writes a string, or <see langword="null"/>.</summary>
    public void WriteValue(string? value)
    {
        if (value is null) _json.WriteNullValue();
        else _json.WriteStringValue(value);
    }

    /// <summary>Writes a time span in the invariant constant format (<c>d.hh:mm:ss.fffffff</c>).</summary>
    public void WriteValue(TimeSpan value) => _json.WriteStringValue(value.ToString("c", CultureInfo.InvariantCulture));

    /// <summary>Writes an instant with its offset in round-trip ISO 8601 form.</summary>
    public void WriteValue(DateTimeOffset value) => _json.WriteStringValue(value.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Writes an enum value by name, so that reordering members does not change the encoding.</summary>
    public void WriteEnum<TEnum>(TEnum value) where TEnum : struct, Enum => _json.WriteStringValue(value.ToString());

    /// <summary>Starts an array value.</summary>
    public void WriteStartArray() => _json.WriteStartArray();

    /// <summary>Ends an array value.</summary>
    public void WriteEndArray() => _json.WriteEndArray();

    /// <summary>Starts an object value (a record parameter).</summary>
    public void WriteStartObject() => _json.WriteStartObject();

    /// <summary>Ends an object value.</summary>
    public void WriteEndObject() => _json.WriteEndObject();

    /// <summary>Closes the root object and returns the canonical text.</summary>
    public string ToCanonicalString()
    {
        _json.WriteEndObject();
        _json.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    /// <summary>The canonical encoding of a component's parameters.</summary>
    public static string Encode(IComponent component)
    {
        using var writer = new ParameterWriter();
        component.WriteParameters(writer);
        return writer.ToCanonicalString();
    }

    /// <inheritdoc/>
    public void Dispose() => _json.Dispose();
}
