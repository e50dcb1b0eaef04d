using System.CommandLine;
using TrialAccess.Cli.Terminal;
using TrialAccess.Ingestion;
using TrialAccess.Registry.CtGovApi;
using TrialAccess.Trials;

namespace TrialAccess.Cli.Commands;

/// <summary><c>ingest ctgov</c>: read the studies matching a search from the live ClinicalTrials.gov API v2 into the database.</summary>
internal static class IngestCtGovCommand
{
    /// <summary>Overrides the API root when <c>--base-url</c> is not given (a mirror, or a local replay server in tests).</summary>
    public const string BaseUrlVariable = "TRIALACCESS_CTGOV_URL";

    public static Command Create()
    {
        var condition = new Option<string>("--condition")
        {
            Description = "Condition or disease to search for (query.cond), for example \"non-small cell lung cancer\"",
            Required = true,
        };
        var term = new Option<string?>("--term") { Description = "Other words, searched in every field (query.term)" };
        var status = new Option<string[]>("--status")
        {
            Description = "Keep studies with this overall status (RECRUITING, NOT_YET_RECRUITING, ...); repeatable or comma-separated",
            AllowMultipleArgumentsPerToken = true,
        };
        var location = new Option<string?>("--location") { Description = "Where a site is: city, state, country or facility (query.locn)" };
        var max = new Option<int?>("--max") { Description = "Stop after this many studies (default: every match)" };
        var pageSize = new Option<int>("--page-size")
        {
            Description = $"Studies per request, 1 to {ClinicalTrialsGovOptions.MaxPageSize}",
            DefaultValueFactory = _ => new ClinicalTrialsGovOptions().PageSize,
        };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = $"API root (default: ${BaseUrlVariable}, else {ClinicalTrialsGovOptions.DefaultBaseAddress})",
        };
        var format = CommonOptions.Format();
        var command = new Command("ctgov", "Read the studies matching a search from the ClinicalTrials.gov API v2; prints the same counts as ingest")
        {
            condition,
            term,
            status,
            location,
            max,
            pageSize,
            baseUrl,
            format,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var statuses = new List<RecruitmentStatus>();
            var statusNames = (parseResult.GetValue(status) ?? [])
                .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            foreach (var value in statusNames)
            {
                if (!RegistryVocabulary.TryParseStatus(value, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"error: --status '{value}' is not a recruitment status (for example RECRUITING, NOT_YET_RECRUITING, ACTIVE_NOT_RECRUITING, COMPLETED)");
                    return ExitCodes.BadInput;
                }

                statuses.Add(parsed);
            }

            var conditionText = parseResult.GetValue(condition);
            if (string.IsNullOrWhiteSpace(conditionText))
            {
                await Console.Error.WriteLineAsync("error: --condition must not be empty");
                return ExitCodes.BadInput;
            }

            var maxValue = parseResult.GetValue(max);
            if (maxValue is < 1)
            {
                await Console.Error.WriteLineAsync("error: --max must be at least 1");
                return ExitCodes.BadInput;
            }

            var pageSizeValue = parseResult.GetValue(pageSize);
            if (pageSizeValue is < 1 or > ClinicalTrialsGovOptions.MaxPageSize)
            {
                await Console.Error.WriteLineAsync($"error: --page-size must be between 1 and {ClinicalTrialsGovOptions.MaxPageSize}");
                return ExitCodes.BadInput;
            }

            var baseUrlText = parseResult.GetValue(baseUrl) ?? Environment.GetEnvironmentVariable(BaseUrlVariable);
            var baseAddress = ClinicalTrialsGovOptions.DefaultBaseAddress;
            if (!string.IsNullOrWhiteSpace(baseUrlText)
                && (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out baseAddress!) || baseAddress.Scheme is not ("http" or "https")))
            {
                await Console.Error.WriteLineAsync($"error: --base-url '{baseUrlText}' is not an http or https address");
                return ExitCodes.BadInput;
            }

            var query = new ClinicalTrialsGovQuery
            {
                Condition = conditionText,
                Term = parseResult.GetValue(term),
                Statuses = statuses,
                Location = parseResult.GetValue(location),
                MaxRecords = maxValue,
            };

            var (store, storeLocation) = await StoreSession.OpenAsync(parseResult, cancellationToken);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }

            await using (store)
            {
                await Console.Error.WriteLineAsync($"database: {storeLocation.Describe()}");
                await Console.Error.WriteLineAsync($"source: {baseAddress}");
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
                http.DefaultRequestHeaders.UserAgent.ParseAdd("TrialAccess-CLI");
                var client = new ClinicalTrialsGovClient(http, new ClinicalTrialsGovOptions { BaseAddress = baseAddress, PageSize = pageSizeValue });
                var ingestor = new TrialIngestor(store);
                var report = await IngestProgressDisplay.RunAsync(
                    "Ingesting from ClinicalTrials.gov",
                    progress => ingestor.IngestAsync(client.SearchStudiesAsync(query, cancellationToken), progress: progress, cancellationToken: cancellationToken));
                return IngestCommand.PrintReport(report, parseResult.GetValue(format));
            }
        });
        return command;
    }
}
