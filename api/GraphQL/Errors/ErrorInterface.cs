using Actors.Contracts.Errors;
using GraphQL.Types;

namespace Actors.Api.GraphQL.Errors;

/// <summary><c>interface Error { message: String! code: String! }</c>: what every payload error has.</summary>
public sealed class ErrorInterface : InterfaceGraphType<DomainError>
{
    public ErrorInterface()
    {
        Name = "Error";
        Field<NonNullGraphType<StringGraphType>>("message");
        Field<NonNullGraphType<StringGraphType>>("code");
    }
}
