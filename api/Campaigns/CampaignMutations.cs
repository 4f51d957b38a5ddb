using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Campaigns;
using Actors.Contracts.Idempotency;
using Actors.Contracts.Naming;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public static class CampaignMutations
{
    public static void AddCampaignMutations(this ObjectGraphType mutation, DomainErrorTypes errors)
    {
        mutation.AddMutation(errors, CampaignOperations.CreateCampaign,
            "Creates a campaign of the pupil pilot (EDUCATION_OFFICER, SUPERVISOR), with its schools and targets now or later. "
            + "A school is in at most one campaign at a time. Idempotent with idempotencyKey.",
            new CreateCampaignInputType(), "campaign", CampaignType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<CreateCampaignInput>("input");
                var key = InputText.Required(input.IdempotencyKey, "input.idempotencyKey", IdempotencyPolicy.MaxKeyLength);
                if (!IdempotencyPolicy.IsWellFormed(key))
                {
                    throw ApiErrors.BadInput($"idempotencyKey is {IdempotencyPolicy.KeyFormat}.", "input.idempotencyKey");
                }

                var setup = new CampaignSetup(
                    InputText.Required(input.Name, "input.name", 200), InputText.Required(input.SchoolYear, "input.schoolYear", 9),
                    input.StartsOn, input.EndsOn, input.Governorates, Schools(input.Schools ?? []));
                return await ctx.Service<IGrainFactory>().Reference<ICampaignGrain>(CampaignIds.For(actor, key)).Create(actor, setup);
            });

        mutation.AddMutation(errors, CampaignOperations.SetCampaignSchools,
            "Replaces a campaign's schools and their targets (EDUCATION_OFFICER, SUPERVISOR). A school is in at most one campaign at a time.",
            new SetCampaignSchoolsInputType(), "campaign", CampaignType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<SetCampaignSchoolsInput>("input");
                var id = GlobalId.DecodeGuid(input.CampaignId, CampaignType.TypeName, "input.campaignId");
                return await ctx.Service<IGrainFactory>().Reference<ICampaignGrain>(id).SetSchools(actor, Schools(input.Schools));
            });
    }

    private static List<CampaignSchool> Schools(IEnumerable<CampaignSchoolInput> schools) =>
        schools.Select(s => new CampaignSchool(s.Code, s.Name, s.Governorate, s.Target)).ToList();
}
