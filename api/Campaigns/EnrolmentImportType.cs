using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Campaigns;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class EnrolmentImportType : ObjectGraphType<EnrolmentImportView>
{
    public EnrolmentImportType()
    {
        Name = "EnrolmentImport";
        Description = "What an import of the Ministry of Education's pupil list did. Idempotent by enrolment id: the same file again counts every row unchanged.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.ImportId.ToString("D"));
        Field<NonNullGraphType<IdGraphType>>("campaignId").Resolve(ctx => GlobalId.Encode(CampaignType.TypeName, ctx.Source.CampaignId));
        Field<NonNullGraphType<EnrolmentImportStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateTimeScalar>>("startedAt").Resolve(ctx => ctx.Source.StartedAt);
        Field<DateTimeScalar>("finishedAt").Resolve(ctx => ctx.Source.FinishedAt);
        Field<NonNullGraphType<IntGraphType>>("rowsRead").Description("Data rows read so far (grows while RUNNING).").Resolve(ctx => ctx.Source.RowsRead);
        Field<NonNullGraphType<IntGraphType>>("created").Resolve(ctx => ctx.Source.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Description("Pupils already enrolled whose given name or guardian's number changed.")
            .Resolve(ctx => ctx.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Resolve(ctx => ctx.Source.Unchanged);
        Field<NonNullGraphType<IntGraphType>>("rejectedCount").Resolve(ctx => ctx.Source.RejectedCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnrolmentRejectionType>>>>("rejected")
            .Description($"The rejected rows by line, at most {IEnrolmentImportGrain.RejectionsKept}.").Resolve(ctx => ctx.Source.Rejected);
        Field<StringGraphType>("failure").Description("Why a FAILED import stopped; the rows recorded before stay enrolled.").Resolve(ctx => ctx.Source.Failure);
    }
}
