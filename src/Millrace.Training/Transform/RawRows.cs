using System.Globalization;

namespace Millrace.Training;

/// <summary>
/// Raw input as fitted features read it: a number or a text per input column and row. Batches (columns) and
/// single serving rows (a dictionary) both read through this one type, so a feature computes its output with the
/// same code on either path, which is what keeps training and serving free of skew.
/// </summary>
internal abstract class RawRows
{
    /// <summary>The number at a row of an input column; NaN when missing.</summary>
    public abstract double Number(int input, int row);

    /// <summary>The text of a value at a row of an input column (integers in invariant digits, floats round-trip); null when missing.</summary>
    public abstract string? Text(int input, int row);

    /// <summary>The text form of a number, the same for an integer read from a column or from a serving request.</summary>
    public static string? TextOf(double value) =>
        double.IsNaN(value) ? null : value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Rows of a table, its columns taken in the transform's input order.</summary>
    public sealed class Table(IReadOnlyList<RawColumn> columns) : RawRows
    {
        public override double Number(int input, int row) => columns[input].Numbers is { } numbers ? numbers[row]
            : throw new TrainingDataException($"Column '{columns[input].Name}' holds strings where a number is expected.");

        public override string? Text(int input, int row)
        {
            var column = columns[input];
            if (column.Numbers is { } numbers) return TextOf(numbers[row]);
            int code = column.Codes![row];
            return code < 0 ? null : column.Dictionary![code];
        }
    }

    /// <summary>One serving row: a value per input column (a string, an integer, a float, or null when missing).</summary>
    public sealed class Single(IReadOnlyList<string> names, object?[] values) : RawRows
    {
        public override double Number(int input, int row) => values[input] switch
        {
            null => double.NaN,
            double d => d,
            float f => f,
            long l => l,
            int i => i,
            var other => throw new TrainingDataException($"Input '{names[input]}' is {other.GetType().Name} '{other}' where a number is expected."),
        };

        public override string? Text(int input, int row) => values[input] switch
        {
            null => null,
            string s => s,
            _ => TextOf(Number(input, row)),
        };
    }
}
