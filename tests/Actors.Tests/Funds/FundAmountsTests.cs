using Actors.Api.Funds;
using Actors.Contracts.Errors;
using GraphQL;

namespace Actors.Tests.Funds;

public sealed class FundAmountsTests
{
    [Theory]
    [InlineData("12.5", 12_500)]
    [InlineData("0.001", 1)]
    [InlineData("138200000", 138_200_000_000)]
    [InlineData("138200000.000", 138_200_000_000)]
    [InlineData(" 7.07 ", 7_070)]
    public void Dinars_are_read_exactly(string dinars, long millimes) =>
        Assert.Equal(millimes, FundAmounts.Millimes(null, dinars, "input"));

    [Theory]
    [InlineData("1.0001")]
    [InlineData("0.0005")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("1e3")]
    [InlineData("1,5")]
    [InlineData("1 000")]
    [InlineData("9999999999999")]
    [InlineData("")]
    public void Anything_but_a_positive_amount_of_whole_millimes_is_bad_input(string dinars)
    {
        var error = Assert.Throws<ExecutionError>(() => FundAmounts.Millimes(null, dinars, "input"));
        Assert.Equal(ErrorCodes.BadUserInput, error.Code);
    }

    [Theory]
    [InlineData(0L, null)]
    [InlineData(-5L, null)]
    [InlineData(null, null)]
    [InlineData(5L, "5")]
    public void Millimes_are_positive_and_given_one_way(long? millimes, string? dinars)
    {
        var error = Assert.Throws<ExecutionError>(() => FundAmounts.Millimes(millimes, dinars, "input"));
        Assert.Equal(ErrorCodes.BadUserInput, error.Code);
    }
}
