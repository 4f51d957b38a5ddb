using Actors.Contracts.Errors;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Actors.Tests.Refusals;

/// <summary>
/// A refusal crosses a grain call as Orleans serializes it, without a stack trace: its code, message and parameters
/// are what the caller reads, and formatting a trace for each refusal cost more than the refused step.
/// </summary>
public sealed class RefusalOnTheWireTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(DomainException).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void A_thrown_refusal_arrives_with_its_code_message_and_parameters_and_no_stack_trace()
    {
        var thrown = Throw(DomainError.Of(ErrorCodes.SlotFull, "Every desk of the slot 09:00 is taken.", ("slot", "09:00")));
        Assert.Null(thrown.StackTrace);

        var read = Assert.IsType<DomainException>(Serializer.Deserialize<Exception>(Serializer.SerializeToArray<Exception>(thrown)));

        Assert.Equal(ErrorCodes.SlotFull, read.Error.Code);
        Assert.Equal("Every desk of the slot 09:00 is taken.", read.Error.Message);
        Assert.Equal("09:00", read.Error.Parameters["slot"]);
        Assert.Equal(thrown.Message, read.Message);
        Assert.Null(read.StackTrace);
    }

    private static DomainException Throw(DomainError error)
    {
        try
        {
            throw new DomainException(error);
        }
        catch (DomainException refused)
        {
            return refused;
        }
    }
}
