using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class CorrectionCodeType : EnumerationGraphType<CorrectionCode>
{
    public CorrectionCodeType()
    {
        Name = "CorrectionCode";
        Description = "Why a request needs a correction, in terms the citizen can act on.";
    }
}
