using Actors.Api.Security;
using GraphQLParser;

namespace Actors.Tests.Security;

/// <summary>What the checks before execution (cost, expensive-operation budget) judge: the named operation, else all.</summary>
public sealed class OperationsToRunTests
{
    private const string TwoOperations = """
        query Light { centers(first: 1) { totalCount } }
        query Heavy { progress(groupBy: [CENTER, SUBMITTED_DAY]) { total } }
        """;

    [Fact]
    public void The_named_operation_alone_is_judged()
    {
        var document = Parser.Parse(TwoOperations);
        Assert.Equal(["Heavy"], OperationsToRun.Of(document, "Heavy").Select(o => o.Name!.StringValue.ToString()));
    }

    [Fact]
    public void Without_a_name_or_with_one_the_document_lacks_every_operation_is_judged()
    {
        var document = Parser.Parse(TwoOperations);
        Assert.Equal(["Light", "Heavy"], OperationsToRun.Of(document, null).Select(o => o.Name!.StringValue.ToString()));
        Assert.Equal(["Light", "Heavy"], OperationsToRun.Of(document, "Absent").Select(o => o.Name!.StringValue.ToString()));
        Assert.Single(OperationsToRun.Of(Parser.Parse("{ centers(first: 1) { totalCount } }"), null));
    }
}
