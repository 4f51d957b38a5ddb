using Actors.Api.Identity;
using Actors.Contracts.Identity;

namespace Actors.Api.Authorization;

/// <summary>
/// Who may do what, written once: every Query, Mutation and Subscription field, every field of personal data
/// (Type.field) and every HTTP endpoint (METHOD route), by caller (anonymous, then each role of API.md), with the
/// scope the caller reaches (<see cref="AccessScope"/>). The GraphQL schema and the HTTP pipeline read it
/// (<see cref="AuthorizationSchemaVisitor"/>, <see cref="AuthorizationEndpointGate"/>); the grains keep their own
/// scope checks where the state is owned, the second enforcement. The test in tests/Actors.Tests/Authorization
/// fails when a field or an endpoint has no row, or when the running API disagrees with a row.
/// </summary>
public static class AuthorizationMatrix
{
    // A table rather than code so that a reviewer reads one role's column or one operation's row at a glance.
    // A download link from createDocumentDownloadLink stands for its owner: the anonymous holder of one reaches
    // that one PDF (OWN). The webhook, /dev/token and /dev/clock are open to all callers at this level: the
    // webhook is authenticated by its signature, /dev/* and the sandbox gateway's pages exist only in Development.
    // A request's exchange log (CitizenRequest.exchanges) holds field names, never values, and goes to whoever may see
    // the request; the country-wide log is Query.exchanges. A verified document's holder names are not rows: verifyDocument
    // answers them to whoever holds the code and the birth date, by design (their reading is audited all the same).
    private const string Table = """
        coordinate                                         ANONYMOUS    CITIZEN      AGENT        SUPERVISOR   ANALYST      FUND_MANAGER  OPERATOR     EDUCATION_OFFICER

        # Queries
        Query.node                                         ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        Query.nodes                                        ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        Query.governorates                                 ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        Query.center                                       ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        Query.centers                                      ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        Query.publicHolidays                               ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        Query.nationalSpecialHoursPeriods                  ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        Query.openingDays                                  ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        Query.availableSlots                               ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        Query.nearestSlots                                 ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        Query.request                                      NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        Query.requests                                     NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        Query.stuckRequests                                NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Query.verifyDocument                               ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        Query.documentChecks                               NONE         NONE         NONE         ALL          NONE         NONE          NONE         NONE
        Query.auditTrail                                   NONE         NONE         NONE         GOVERNORATE  NONE         NONE          ALL          NONE
        Query.progress                                     NONE         NONE         CENTER       GOVERNORATE  ALL          NONE          ALL          NONE
        Query.rollout                                      NONE         NONE         CENTER       GOVERNORATE  ALL          NONE          ALL          NONE
        Query.fund                                         NONE         NONE         NONE         NONE         ALL          ALL           ALL          NONE
        Query.municipalities                               NONE         NONE         NONE         NONE         ALL          ALL           ALL          NONE
        Query.fundUse                                      NONE         NONE         NONE         GOVERNORATE  ALL          ALL           NONE         NONE
        Query.exchanges                                    NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Query.campaign                                     NONE         NONE         NONE         ALL          ALL          NONE          ALL          ALL
        Query.campaigns                                    NONE         NONE         NONE         ALL          ALL          NONE          ALL          ALL
        Query.enrolmentImport                              NONE         NONE         NONE         ALL          NONE         NONE          NONE         ALL
        Query.schoolDeliveryCandidates                     NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         ALL
        Query.schoolDeliveryRound                          NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         ALL
        Query.schoolDeliveryRounds                         NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         ALL
        Query.sandboxNotifications                         NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN

        # Mutations
        Mutation.submitIdCardRequest                       NONE         OWN          CENTER       NONE         NONE         NONE          NONE         OWN
        Mutation.submitCriminalRecordRequest               NONE         OWN          CENTER       NONE         NONE         NONE          NONE         NONE
        Mutation.startVerification                         NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.requestCorrection                         NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.submitCorrection                          NONE         OWN          NONE         NONE         NONE         NONE          NONE         NONE
        Mutation.confirmVerification                       NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.recordPayment                             NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.bookAppointment                           NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        Mutation.rescheduleAppointment                     NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        Mutation.cancelAppointment                         NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        Mutation.recordNoShow                              NONE         NONE         CENTER       NONE         NONE         NONE          NONE         NONE
        Mutation.recordBiometrics                          NONE         NONE         CENTER       NONE         NONE         NONE          NONE         NONE
        Mutation.startProduction                           NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.markReadyForDelivery                      NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.confirmDelivery                           NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.startRecordCheck                          NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.issueExtract                              NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.referRequest                              NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.rejectRequest                             NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.cancelRequest                             NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.expireRequest                             NONE         NONE         NONE         GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.startPayment                              NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        Mutation.moveRequestToCenter                       NONE         OWN          NONE         NONE         NONE         NONE          NONE         OWN
        Mutation.registerServiceCenter                     NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.updateCenterReadiness                     NONE         NONE         NONE         GOVERNORATE  NONE         NONE          ALL          NONE
        Mutation.changeCenterRolloutPhase                  NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.changeCenterServices                      NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.addPublicHoliday                          NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.removePublicHoliday                       NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.addNationalSpecialHoursPeriod             NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.removeNationalSpecialHoursPeriod          NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.setCenterOpeningHours                     NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.setCenterDesks                            NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.addCenterClosure                          NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.removeCenterClosure                       NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.addCenterSpecialHoursPeriod               NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.removeCenterSpecialHoursPeriod            NONE         NONE         NONE         NONE         NONE         NONE          ALL          NONE
        Mutation.revokeDocument                            NONE         NONE         NONE         GOVERNORATE  NONE         NONE          NONE         NONE
        Mutation.createDocumentDownloadLink                NONE         OWN          NONE         NONE         NONE         NONE          NONE         NONE
        Mutation.allocateFunds                             NONE         NONE         NONE         NONE         NONE         ALL           NONE         NONE
        Mutation.approveAllocation                         NONE         NONE         NONE         NONE         NONE         ALL           NONE         NONE
        Mutation.commitAllocation                          NONE         NONE         NONE         NONE         NONE         ALL           NONE         NONE
        Mutation.closeAllocation                           NONE         NONE         NONE         NONE         NONE         ALL           NONE         NONE
        Mutation.cancelAllocation                          NONE         NONE         NONE         NONE         NONE         ALL           NONE         NONE
        Mutation.disburseAllocation                        NONE         NONE         NONE         NONE         NONE         ALL           NONE         NONE
        Mutation.proposeAmendment                          NONE         NONE         NONE         NONE         NONE         ALL           NONE         NONE
        Mutation.approveAmendment                          NONE         NONE         NONE         NONE         NONE         ALL           NONE         NONE
        Mutation.rejectAmendment                           NONE         NONE         NONE         NONE         NONE         ALL           NONE         NONE
        Mutation.importMunicipalities                      NONE         NONE         NONE         NONE         NONE         ALL           ALL          NONE
        Mutation.createCampaign                            NONE         NONE         NONE         ALL          NONE         NONE          NONE         ALL
        Mutation.setCampaignSchools                        NONE         NONE         NONE         ALL          NONE         NONE          NONE         ALL
        Mutation.prepareSchoolDelivery                     NONE         NONE         CENTER       NONE         NONE         NONE          NONE         NONE
        Mutation.dispatchSchoolDelivery                    NONE         NONE         CENTER       NONE         NONE         NONE          NONE         NONE
        Mutation.recordSchoolHandover                      NONE         NONE         CENTER       NONE         NONE         NONE          NONE         ALL
        Mutation.cancelSchoolDelivery                      NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         NONE

        # Subscriptions
        Subscription.requestStatusChanged                  NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        Subscription.progressChanged                       NONE         NONE         CENTER       GOVERNORATE  ALL          NONE          ALL          NONE

        # Personal data: null with FORBIDDEN for a role marked NONE
        CitizenRequest.applicant                           NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        CitizenRequest.guardian                            NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        CitizenRequest.contact                             NONE         OWN          CENTER       NONE         NONE         NONE          NONE         OWN
        CitizenRequest.pupil                               NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        CitizenRequest.purpose                             NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        CitizenRequest.delivery                            NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        CitizenRequest.document                            NONE         OWN          CENTER       GOVERNORATE  NONE         NONE          NONE         OWN
        SchoolDeliveryCard.givenName                       NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         ALL
        SchoolDeliveryCandidate.givenName                  NONE         NONE         CENTER       GOVERNORATE  NONE         NONE          NONE         ALL

        # HTTP endpoints
        POST /graphql                                      ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        GET /graphql                                       ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        GET /graphiql/{**file}                             ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        POST /dev/token                                    ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        GET /documents/{number}.pdf                        OWN          OWN          NONE         NONE         NONE         NONE          NONE         NONE
        GET /exports/progress.csv                          NONE         NONE         CENTER       GOVERNORATE  ALL          NONE          ALL          NONE
        GET /exports/fund-use.csv                          NONE         NONE         NONE         GOVERNORATE  ALL          ALL           NONE         NONE
        POST /campaigns/{id}/enrolments                    NONE         NONE         NONE         NONE         NONE         NONE          NONE         ALL
        GET /campaigns/{id}/enrolments/imports/{importId}  NONE         NONE         NONE         ALL          NONE         NONE          NONE         ALL
        GET /.well-known/document-keys                     ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        GET /verify/{**file}                               ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        GET /dashboard/{**file}                            ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        GET /metrics                                       ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        GET /health/live                                   ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        GET /health/ready                                  ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        POST /payments/webhook                             ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        GET /dev/clock                                     ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        POST /dev/clock                                    ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        GET /sandbox/gateway/pay/{sessionId}               ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        POST /sandbox/gateway/pay/{sessionId}              ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        POST /sandbox/gateway/pay/{sessionId}/challenge    ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        GET /sandbox/gateway/assets/{file}                 ALL          ALL          ALL          ALL          ALL          ALL           ALL          ALL
        """;

    private static readonly HashSet<string> HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private static readonly (IReadOnlyList<ActorRole> Roles, IReadOnlyDictionary<string, AccessRule> Rows) Parsed = Parse(Table);

    /// <summary>The role columns, in the table's order (the anonymous column comes first and is not a role).</summary>
    public static IReadOnlyList<ActorRole> Roles => Parsed.Roles;

    /// <summary>Every row, by coordinate: "Query.request", "CitizenRequest.applicant", "GET /exports/progress.csv".</summary>
    public static IReadOnlyDictionary<string, AccessRule> Rows => Parsed.Rows;

    /// <summary>The GraphQL root types whose every field must have a row.</summary>
    public static IReadOnlyList<string> RootTypes { get; } = ["Query", "Mutation", "Subscription"];

    /// <summary>The rows of GraphQL fields (Type.field), root fields and personal data alike.</summary>
    public static IEnumerable<AccessRule> Fields => Rows.Values.Where(rule => !IsEndpoint(rule.Coordinate));

    /// <summary>The rows of personal data: fields of other types than the roots.</summary>
    public static IEnumerable<AccessRule> PersonalFields => Fields.Where(rule => !RootTypes.Contains(TypeOf(rule.Coordinate)));

    /// <summary>The rows of HTTP endpoints ("METHOD route").</summary>
    public static IEnumerable<AccessRule> Endpoints => Rows.Values.Where(rule => IsEndpoint(rule.Coordinate));

    public static string Coordinate(string typeName, string fieldName) => $"{typeName}.{fieldName}";

    public static string EndpointCoordinate(string method, string route) => $"{method} {route}";

    /// <summary>The row of a coordinate; a coordinate without one is refused to everybody.</summary>
    public static AccessRule For(string coordinate) => Rows.TryGetValue(coordinate, out var rule) ? rule : AccessRule.Nobody(coordinate);

    public static bool IsEndpoint(string coordinate) => coordinate.Contains(' ', StringComparison.Ordinal);

    public static string TypeOf(string fieldCoordinate) => fieldCoordinate[..fieldCoordinate.IndexOf('.', StringComparison.Ordinal)];

    private static (IReadOnlyList<ActorRole>, IReadOnlyDictionary<string, AccessRule>) Parse(string table)
    {
        var lines = table.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var header = lines[0];
        if (header.Length < 2 || header[0] != "coordinate" || header[1] != "ANONYMOUS")
        {
            throw new InvalidOperationException("The authorization matrix starts with: coordinate ANONYMOUS <roles...>.");
        }

        var roles = header[2..]
            .Select(wire => ActorClaims.ParseRole(wire) ?? throw new InvalidOperationException($"The authorization matrix names an unknown role {wire}."))
            .ToList();
        var rows = new Dictionary<string, AccessRule>(StringComparer.Ordinal);
        foreach (var cells in lines.Skip(1))
        {
            var keyCells = HttpMethods.Contains(cells[0]) ? 2 : 1;
            var coordinate = string.Join(' ', cells[..keyCells]);
            var scopes = cells[keyCells..];
            if (scopes.Length != roles.Count + 1)
            {
                throw new InvalidOperationException($"The authorization matrix's row {coordinate} has {scopes.Length} scopes, not {roles.Count + 1}.");
            }

            var byRole = roles.Select((role, i) => (role, Scope(scopes[i + 1], coordinate))).ToDictionary(p => p.role, p => p.Item2);
            if (!rows.TryAdd(coordinate, new AccessRule(coordinate, Scope(scopes[0], coordinate), byRole)))
            {
                throw new InvalidOperationException($"The authorization matrix has two rows for {coordinate}.");
            }
        }

        return (roles, rows);
    }

    private static AccessScope Scope(string cell, string coordinate) => cell switch
    {
        "NONE" => AccessScope.None,
        "OWN" => AccessScope.Own,
        "CENTER" => AccessScope.Center,
        "GOVERNORATE" => AccessScope.Governorate,
        "ALL" => AccessScope.All,
        _ => throw new InvalidOperationException($"The authorization matrix's row {coordinate} has an unknown scope {cell}."),
    };
}
