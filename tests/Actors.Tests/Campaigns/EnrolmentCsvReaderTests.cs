using Actors.Api.Campaigns;

namespace Actors.Tests.Campaigns;

/// <summary>The streamed CSV reader: records and their lines are the same however the stream is cut into reads.</summary>
public sealed class EnrolmentCsvReaderTests
{
    private const string Text =
        "a,b,c\r\n"
        + "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
        + "2,\"two\nlines\",z\n"
        + "\r\n"
        + "3,\"bad\"quote,w\r\n"
        + "4,ياسمين,\"\"";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Records_keep_their_fields_and_lines_whatever_the_reads(int readSize)
    {
        var records = await Read(new ChunkedReader(Text, readSize));

        Assert.Equal([1, 2, 3, 5, 6, 7], records.Select(r => r.Line));
        Assert.Equal(["1", "x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["2", "two\nlines", "z"], records[2].Fields);
        Assert.Equal([""], records[3].Fields);
        Assert.NotNull(records[4].Problem);
        Assert.Equal(["4", "ياسمين", ""], records[5].Fields);
        Assert.All(records.Where(r => r.Line != 6), r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task An_unclosed_quote_is_reported_and_stays_bounded()
    {
        var records = await Read(new ChunkedReader("a,b\n1,\"" + new string('x', 5000), 100));
        Assert.Equal(2, records.Count);
        Assert.NotNull(records[1].Problem);
        Assert.True(records[1].Fields[1].Length <= EnrolmentCsvReader.MaxFieldLength);
    }

    private static async Task<List<EnrolmentCsvRecord>> Read(TextReader reader)
    {
        var records = new List<EnrolmentCsvRecord>();
        await foreach (var record in EnrolmentCsvReader.Read(reader, TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>Hands out at most <c>size</c> characters per read, as a network stream may.</summary>
    private sealed class ChunkedReader(string text, int size) : TextReader
    {
        private int position;

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            var count = Math.Min(Math.Min(size, buffer.Length), text.Length - position);
            text.AsSpan(position, count).CopyTo(buffer.Span);
            position += count;
            return ValueTask.FromResult(count);
        }
    }
}
