using System.Security.Claims;
using Actors.Api.GraphQL;
using Actors.Api.Identity;
using Actors.Api.Progress;
using Actors.Contracts.Identity;
using GraphQL;
using GraphQLParser;

namespace Actors.Tests.Progress;

/// <summary>
/// Which operations share a rendered progress response (a progress query from a reader of progress, without the lag),
/// under which key (scope, language, operation, variables, text), and how a response ages: one caller renders again
/// while the others keep the aged one, within the stale limit.
/// </summary>
public sealed class ProgressResponsesTests
{
    private const string Question = "query { progress(groupBy: [STATUS]) { total groups { status count } } }";

    private static readonly ProgressOptions OneSecond = new() { AnswerFreshness = TimeSpan.FromSeconds(1) };

    [Fact]
    public void Only_a_progress_query_without_the_lag_from_a_reader_of_progress_is_shared()
    {
        var responses = new ProgressResponses(OneSecond);
        var analyst = Caller(new Actor("a-1", ActorRole.Analyst));
        Assert.NotNull(Key(responses, Question, analyst));
        Assert.NotNull(Key(responses, "query Q { __typename p: progress { total } }", analyst));

        Assert.Null(Key(responses, "query { progress { total projectionLagSeconds } }", analyst));
        Assert.Null(Key(responses, "query { progress { ...F } } fragment F on RequestProgress { projectionLagSeconds }", analyst));
        Assert.Null(Key(responses, "query { progress { total } rollout { total } }", analyst));
        Assert.Null(Key(responses, "query { ...P } fragment P on Query { progress { total } }", analyst));
        Assert.Null(Key(responses, "mutation { progress { total } }", analyst));
        Assert.Null(Key(responses, Question, Caller(new Actor("c-1", ActorRole.Citizen))));
        Assert.Null(Key(responses, Question, Caller(null)));
        Assert.Null(Key(new ProgressResponses(new ProgressOptions { AnswerFreshness = TimeSpan.Zero }), Question, analyst));
    }

    [Fact]
    public void The_key_holds_the_scope_and_language_but_not_who_the_caller_is()
    {
        var responses = new ProgressResponses(OneSecond);
        var analyst = Key(responses, Question, Caller(new Actor("a-1", ActorRole.Analyst)));
        Assert.Equal(analyst, Key(responses, Question, Caller(new Actor("a-2", ActorRole.Analyst, Issuer: "other"))));
        Assert.NotEqual(analyst, Key(responses, Question, Caller(new Actor("a-1", ActorRole.Analyst), "ar")));
        Assert.NotEqual(analyst, Key(responses, Question, Caller(new Actor("o-1", ActorRole.Operator))));

        var tunis = Key(responses, Question, Caller(new Actor("s-1", ActorRole.Supervisor, Governorate: "TUNIS")));
        Assert.NotEqual(tunis, Key(responses, Question, Caller(new Actor("s-1", ActorRole.Supervisor, Governorate: "SFAX"))));
        Assert.NotEqual(
            Key(responses, Question, Caller(new Actor("g-1", ActorRole.Agent, CenterId: "TN11-GU1"))),
            Key(responses, Question, Caller(new Actor("g-1", ActorRole.Agent, CenterId: "TN11-GU2"))));

        const string withVariables = "query($by: [ProgressDimension!]) { progress(groupBy: $by) { total } }";
        var byStatus = Key(responses, withVariables, Caller(new Actor("a-1", ActorRole.Analyst)), new Inputs(new Dictionary<string, object?> { ["by"] = new List<object?> { "STATUS" } }));
        var byCenter = Key(responses, withVariables, Caller(new Actor("a-1", ActorRole.Analyst)), new Inputs(new Dictionary<string, object?> { ["by"] = new List<object?> { "CENTER" } }));
        Assert.NotEqual(byStatus, byCenter);
        Assert.NotEqual(analyst, Key(responses, Question.Replace("total ", "total total ", StringComparison.Ordinal), Caller(new Actor("a-1", ActorRole.Analyst))));
    }

    [Fact]
    public void One_caller_renders_the_others_share_it_and_an_aged_one_is_served_while_it_is_rendered_again()
    {
        var time = new SteppedTime();
        var responses = new ProgressResponses(OneSecond, time);
        const string key = "k";
        byte[] first = [1];

        Assert.Null(responses.Find(key));      // the first caller renders
        Assert.Null(responses.Find(key));      // nothing to share yet: a second one renders too
        responses.Keep(key, first);
        Assert.Same(first, responses.Find(key));

        time.Advance(TimeSpan.FromMilliseconds(1_001));
        Assert.Null(responses.Find(key));      // aged: this caller renders again...
        Assert.Same(first, responses.Find(key)); // ...and the others keep the aged one meanwhile
        byte[] second = [2];
        responses.Keep(key, second);
        Assert.Same(second, responses.Find(key));

        // A rendering that ends without a response to share leaves the aged one for the next caller to render again.
        time.Advance(TimeSpan.FromMilliseconds(1_001));
        Assert.Null(responses.Find(key));
        responses.Abandon(key);
        Assert.Null(responses.Find(key));

        // Past the stale limit nobody is served the old one, even while it is rendered again.
        time.Advance(TimeSpan.FromSeconds(ProgressAnswers.StaleLimit));
        Assert.Null(responses.Find(key));
    }

    [Fact]
    public void A_question_abandoned_before_any_response_is_forgotten()
    {
        var responses = new ProgressResponses(OneSecond, new SteppedTime());
        Assert.Null(responses.Find("k"));
        responses.Abandon("k");
        responses.Keep("k", [1]);          // a late rendering of a forgotten question is not kept
        Assert.Null(responses.Find("k"));
    }

    private static GraphQLUserContext Caller(Actor? actor, string? language = null)
    {
        if (actor is null)
        {
            return new GraphQLUserContext(null, language);
        }

        List<Claim> claims = [new(ActorClaims.Subject, actor.Subject), new(ActorClaims.Role, ActorClaims.ToWire(actor.Role)), new(ActorClaims.Issuer, actor.Issuer)];
        if (actor.CenterId is { } center)
        {
            claims.Add(new Claim(ActorClaims.CenterId, center));
        }

        if (actor.Governorate is { } governorate)
        {
            claims.Add(new Claim(ActorClaims.Governorate, governorate));
        }

        return new GraphQLUserContext(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")), language);
    }

    private static string? Key(ProgressResponses responses, string text, GraphQLUserContext caller, Inputs? variables = null) =>
        responses.KeyOf(Parser.Parse(text), null, text, variables, caller);
}
