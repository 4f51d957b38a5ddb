using Actors.Contracts.Errors;

namespace Actors.Tests.Funds;

/// <summary>Asserts that a grain call is refused with a given domain code.</summary>
public static class FundRefusal
{
    public static async Task<DomainError> Expect(string code, Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(call);
        Assert.Equal(code, refused.Error.Code);
        return refused.Error;
    }
}
