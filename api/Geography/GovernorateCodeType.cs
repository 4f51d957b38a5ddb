using Actors.Contracts.Geography;
using GraphQL.Types;

namespace Actors.Api.Geography;

/// <summary>The 24 governorate codes as an enum, so an unknown governorate is refused by validation.</summary>
public sealed class GovernorateCodeType : EnumerationGraphType
{
    public GovernorateCodeType()
    {
        Name = "GovernorateCode";
        foreach (var governorate in Governorates.All)
        {
            Add(governorate.Code, governorate.Code, governorate.NameFr);
        }
    }
}
