using System.Diagnostics;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;

namespace Actors.Bench;

/// <summary>
/// What GraphQL for .NET alone costs for <see cref="ReadsRun.OwnRequest"/>: in this process, no HTTP, no token, no grain,
/// a schema of the same shape whose resolver answers at once, the document parsed and validated once (as the API keeps
/// it) and its variables checked each time, the result written out as JSON. N callers at once for the given time; CPU
/// of this process per execution. It is the least the API's part of a <c>request(id)</c> can cost with this library,
/// to set against what target 2 leaves the API (<c>--reads</c>' allowance table).
/// </summary>
public static class GraphQLFloor
{
    private sealed record Row(string Id, string Reference, string Status, int Version, string SubmittedAt);

    public static async Task<double> MeasureAsync(int callers, TimeSpan warmUp, TimeSpan measure)
    {
        var row = new Row("Q2l0aXplblJlcXVlc3Q6MDE5MzAwMDAtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAx", "CIN-2026-000001", "SUBMITTED", 1, "2026-12-04T08:00:00+01:00");
        var request = new ObjectGraphType { Name = "CitizenRequest" };
        request.AddField(Scalar<NonNullGraphType<IdGraphType>>("id", r => r.Id));
        request.AddField(Scalar<NonNullGraphType<StringGraphType>>("reference", r => r.Reference));
        request.AddField(Scalar<NonNullGraphType<StringGraphType>>("status", r => r.Status));
        request.AddField(Scalar<NonNullGraphType<IntGraphType>>("version", r => r.Version));
        request.AddField(Scalar<NonNullGraphType<StringGraphType>>("submittedAt", r => r.SubmittedAt));
        var query = new ObjectGraphType { Name = "Query" };
        query.AddField(new FieldType
        {
            Name = "request",
            ResolvedType = request,
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "id" }),
            // The API's resolver awaits a grain call: an asynchronous resolver, completed at once here.
            Resolver = new FuncFieldResolver<object>(_ => ValueTask.FromResult<object?>(row)),
        });
        var schema = new Schema { Query = query };
        schema.Initialize();

        var document = Parser.Parse(ReadsRun.OwnRequest);
        var executer = new DocumentExecuter();
        var serializer = new GraphQLSerializer();
        var variables = new Inputs(new Dictionary<string, object?> { ["id"] = row.Id });

        async Task<long> Run(TimeSpan length)
        {
            var until = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
            var callersDone = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
            {
                long done = 0;
                using var output = new MemoryStream();
                while (Stopwatch.GetTimestamp() < until)
                {
                    var result = await executer.ExecuteAsync(new ExecutionOptions
                    {
                        Schema = schema,
                        Query = ReadsRun.OwnRequest,
                        Document = document,
                        Variables = variables,
                        ValidationRules = Array.Empty<IValidationRule>(),
                    });
                    if (result.Errors is { Count: > 0 } errors)
                    {
                        throw new InvalidOperationException("The floor's query failed: " + errors[0].Message);
                    }

                    output.SetLength(0);
                    await serializer.WriteAsync(output, result);
                    done++;
                }

                return done;
            })));
            return callersDone.Sum();
        }

        await Run(warmUp);
        var before = ProcessCpu.Seconds(Environment.ProcessId);
        var executions = await Run(measure);
        var after = ProcessCpu.Seconds(Environment.ProcessId);
        return (after - before) * 1000 / Math.Max(1, executions);
    }

    private static FieldType Scalar<TGraphType>(string name, Func<Row, object> read) where TGraphType : IGraphType => new()
    {
        Name = name,
        Type = typeof(TGraphType),
        Resolver = new FuncFieldResolver<object>(context => read((Row)context.Source!)),
    };
}
