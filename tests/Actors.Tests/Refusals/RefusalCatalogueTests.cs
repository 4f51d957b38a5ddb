using Actors.Contracts.Errors;
using Actors.Contracts.Requests;

namespace Actors.Tests.Refusals;

/// <summary>The catalogue of refusals and the operations that declare them agree, in both directions.</summary>
public sealed class RefusalCatalogueTests
{
    [Fact]
    public void Operations_are_found_and_named_once()
    {
        Assert.Contains(typeof(RequestOperations), DeclaredOperations.Catalogues);
        Assert.Contains(DeclaredOperations.All, o => o.Name == "submitIdCardRequest");
        var twice = DeclaredOperations.All.GroupBy(o => o.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"Declared more than once: {string.Join(", ", twice)}.");
    }

    [Fact]
    public void Every_catalogue_code_is_declared_by_an_operation()
    {
        var declared = DeclaredOperations.All.SelectMany(o => o.Refusals).ToHashSet(StringComparer.Ordinal);
        var unused = RefusalCatalogue.Codes.Where(code => !declared.Contains(code)).ToList();
        Assert.True(unused.Count == 0, $"In the catalogue but raised by no operation: {string.Join(", ", unused)}.");
    }

    [Fact]
    public void Every_request_step_has_its_operation()
    {
        foreach (var transition in RequestTransitions.All)
        {
            var operation = RequestOperations.For(transition.Action);
            Assert.Contains(operation, RequestOperations.All);
            Assert.Contains(ErrorCodes.InvalidTransition, operation.Refusals);
        }
    }

    [Fact]
    public void An_operation_refusing_with_a_code_it_does_not_declare_throws_instead()
    {
        var operation = RequestOperations.For(RequestAction.StartVerification);
        var undeclared = Assert.Throws<UndeclaredRefusalException>(() => operation.Refuse(ErrorCodes.PaymentAmountMismatch, "not this step's"));
        Assert.Equal("startVerification", undeclared.Operation);
        Assert.Equal(ErrorCodes.PaymentAmountMismatch, undeclared.Code);
        Assert.Equal(ErrorCodes.InvalidTransition, operation.Refuse(ErrorCodes.InvalidTransition, "declared").Error.Code);
        Assert.Equal(ErrorCodes.NotFound, new DomainException(DomainError.NotFound()).Error.Code);
    }
}
