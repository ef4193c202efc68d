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
        Assert.Equal(quoteAt >= 0, hasQuote);
        // With a quote the counts may stop at its 4 KiB stretch; without one they cover every byte.
        if (!hasQuote) Assert.Equal((bytes.Count(b => b == '\n'), nonAsciiAt < 0), (lines, ascii));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(70_000)]
    [InlineData(99_999)]
    public void The_survey_finds_a_quote_anywhere_in_a_long_part_and_counts_every_newline_of_one_without(int quoteAt)
    {
        var random = new Random(quoteAt);
        var bytes = Enumerable.Range(0, 100_000).Select(_ => random.Next(9) == 0 ? (byte)'\n' : (byte)('a' + random.Next(26))).ToArray();
        Assert.Equal((bytes.Count(b => b == '\n'), false, true), CsvBlockSplitter.Survey(bytes));
        bytes[quoteAt] = (byte)'"';
        Assert.True(CsvBlockSplitter.Survey(bytes).HasQuote);
    }

    [Fact]
    public void The_survey_of_plain_utf8_text_says_it_is_not_ascii_and_holds_no_quote()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("héllo,wörld\n", 20)));
        Assert.Equal((20, false, false), CsvBlockSplitter.Survey(bytes));
    }
}
