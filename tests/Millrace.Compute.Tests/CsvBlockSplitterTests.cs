using System.Text;
using Millrace.Compute.IO;

namespace Millrace.Compute.Tests;

public sealed class CsvBlockSplitterTests
{
    [Theory]
    [InlineData(0, -1, -1)]
    [InlineData(31, -1, -1)]
    [InlineData(32, 31, -1)]
    [InlineData(100, 64, 99)]
    [InlineData(1000, 999, 5)]
    public void The_survey_counts_newlines_and_finds_a_quote_or_a_non_ascii_byte_wherever_it_is(int length, int quoteAt, int nonAsciiAt)
    {
        // Positions at the end of a 32-byte step, in the tail after the last step, and in the first step.
        var random = new Random(length);
        var bytes = Enumerable.Range(0, length).Select(_ => random.Next(5) == 0 ? (byte)'\n' : (byte)('a' + random.Next(26))).ToArray();
        if (quoteAt >= 0) bytes[quoteAt] = (byte)'"';
        if (nonAsciiAt >= 0) bytes[nonAsciiAt] = 0xC3;
        var (lines, hasQuote, ascii) = CsvBlockSplitter.Survey(bytes);
        Assert.Equal((bytes.Count(b => b == '\n'), quoteAt >= 0, nonAsciiAt < 0), (lines, hasQuote, ascii));
    }

    [Fact]
    public void The_survey_of_plain_utf8_text_says_it_is_not_ascii_and_holds_no_quote()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("héllo,wörld\n", 20)));
        Assert.Equal((20, false, false), CsvBlockSplitter.Survey(bytes));
    }
}
