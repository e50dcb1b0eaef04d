using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TrialAccess.Trials;

namespace TrialAccess.Web.Api;

/// <summary>The title and description of <c>/openapi/v1.json</c>, and schemas for the domain types written by converters.</summary>
internal static class OpenApiDocument
{
    public static OpenApiOptions AddTrialAccessDocument(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "TrialAccess API";
            document.Info.Description =
                "Search the clinical trials TrialAccess holds and read their records. Errors are RFC 9457 problem details; " +
                "a 400 names each field at fault in `errors`. Requests are rate limited per client (429 with Retry-After).";
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(NctId))
            {
                schema.Type = JsonSchemaType.String;
                schema.Pattern = "^NCT[0-9]{3,9}$";
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
