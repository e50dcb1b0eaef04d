using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TrialAccess.Cli.Terminal;
using TrialAccess.Evaluation.Trec;
using TrialAccess.Matching;
using TrialAccess.Matching.Retrieval;
using TrialAccess.Trials;

namespace TrialAccess.Cli.Commands;

/// <summary><c>eval</c>: measure TrialAccess against benchmarks.</summary>
internal static class EvalCommand
{
    public static Command Create() => new("eval", "Measure extraction and matching against benchmarks")
    {
        Trec(),
        EvalPatientFactsCommand.Create(),
        EvalCriteriaCommand.Create(),
        EvalCriteriaPairsCommand.Create(),
    };

    private static Command Trec()
    {
        var topics = new Option<FileInfo>("--topics") { Description = "TREC Clinical Trials topics XML", Required = true };
        var qrels = new Option<FileInfo>("--qrels") { Description = "TREC relevance judgements (topic 0 NCT grade)", Required = true };
        var protocol = new Option<TrecProtocol>("--protocol")
        {
            Description = "judged: rank each topic's judged trials present in the database; full: rank the whole database",
            DefaultValueFactory = _ => TrecProtocol.Judged,
        };
        var ranker = new Option<string>("--ranker")
        {
            Description = "full: the matcher (relevance, eligibility tiers); bm25: the plain BM25 baseline",
            DefaultValueFactory = _ => "full",
        };
        ranker.AcceptOnlyFromAmong("full", "bm25");
        var pairs = new Option<FileInfo?>("--pairs")
        {
            Description = "With the full ranker: write every judged pair with text as JSON Lines to this file (topic, trial, grade, verdict, failing criteria with evidence and basis)",
        };
        var format = CommonOptions.Format();
        var command = new Command("trec", "NDCG@10, P@10, reciprocal rank, R-precision and recall@100 on TREC Clinical Trials topics")
        {
            topics, qrels, protocol, ranker, pairs, format,
        };
        foreach (var option in SemanticSession.Options())
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var topicsFile = parseResult.GetValue(topics)!;
            var qrelsFile = parseResult.GetValue(qrels)!;
            foreach (var file in new[] { topicsFile, qrelsFile })
            {
                if (!file.Exists)
                {
                    await Console.Error.WriteLineAsync($"error: no such file: {file.FullName}");
                    return ExitCodes.BadInput;
                }
            }

            var (parsedTopics, topicsError) = TrecTopic.ParseTopics(await File.ReadAllTextAsync(topicsFile.FullName, cancellationToken));
            if (topicsError is not null)
            {
                await Console.Error.WriteLineAsync($"error: {topicsFile.Name}: {topicsError}");
                return ExitCodes.BadInput;
            }

            var (judgements, qrelsError) = RelevanceJudgements.Parse(await File.ReadAllTextAsync(qrelsFile.FullName, cancellationToken));
            if (qrelsError is not null)
            {
                await Console.Error.WriteLineAsync($"error: {qrelsFile.Name}: {qrelsError}");
                return ExitCodes.BadInput;
            }

            var (store, location) = await StoreSession.OpenAsync(parseResult, cancellationToken);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }

            List<ClinicalTrial> trials;
            SemanticSession semantic;
            await using (store)
            {
                await Console.Error.WriteLineAsync($"database: {location.Describe()}");
                trials = [];
                await foreach (var trial in store.ReadAllAsync(cancellationToken))
                {
                    trials.Add(trial);
                }

                semantic = await SemanticSession.OpenAsync(parseResult, store, TrialCatalog.Build(trials), cancellationToken);
            }

            using var semanticSession = semantic;

            var stored = trials.ToDictionary(t => t.NctId);
            bool HasText(string id) => NctId.TryParse(id, out var nct) && stored.ContainsKey(nct);
            var chosenProtocol = parseResult.GetValue(protocol);
            TrecRun run;
            TrecSafety? safety = null;
            if (parseResult.GetValue(ranker) == "bm25")
            {
                run = TrecEvaluation.Run(parsedTopics, judgements!, new Bm25Ranker(TrialSearchIndex.Build(trials)), chosenProtocol, HasText);
            }
            else
            {
                var matcher = new TrialMatcher(semantic.Catalog, (id, _) => ValueTask.FromResult(stored.GetValueOrDefault(id)), TimeProvider.System, embedder: semantic.Embedder, semantic: semantic.Settings);
                var full = new MatchRanker(matcher);
                run = TrecEvaluation.Run(parsedTopics, judgements!, full, chosenProtocol, HasText);
                var scorable = judgements!.Where(HasText);
                if (chosenProtocol == TrecProtocol.Full)
                {
                    // The safety figures are over every judged pair with text, ranked or not.
                    foreach (var topic in parsedTopics)
                    {
                        var judged = scorable.For(topic.Number).Keys.Select(NctId.Parse).ToList();
                        full.Rank(topic.Text, judged, judged.Count);
                    }
                }

                safety = TrecSafety.Compute(parsedTopics, scorable, (topic, id) => full.VerdictsFor(topic.Text).TryGetValue(id, out var v) ? v : null);
                if (parseResult.GetValue(pairs) is { } pairsFile)
                {
                    await WritePairsAsync(pairsFile, parsedTopics, scorable, full, cancellationToken);
                }
            }

            Print(run, safety, trials.Count, parseResult.GetValue(format));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One line per judged pair with text: what the engine called it and why, for reading its errors.</summary>
    private static async Task WritePairsAsync(FileInfo file, IReadOnlyList<TrecTopic> topics, RelevanceJudgements judgements, MatchRanker ranker, CancellationToken cancellationToken)
    {
        var compact = new System.Text.Json.JsonSerializerOptions(CliJson.Options) { WriteIndented = false };
        await using var writer = new StreamWriter(file.FullName);
        foreach (var topic in topics)
        {
            var matches = ranker.MatchesFor(topic.Text);
            foreach (var (trial, grade) in judgements.For(topic.Number).OrderBy(j => j.Key, StringComparer.Ordinal))
            {
                if (!NctId.TryParse(trial, out var id) || !matches.TryGetValue(id, out var match))
                {
                    continue;
                }

                var line = new
                {
                    Topic = topic.Number,
                    NctId = trial,
                    Grade = (int)grade,
                    Verdict = MatchReport.VerdictName(match.Verdict),
                    Relevance = Math.Round(match.Relevance, 4),
                    SemanticSimilarity = match.SemanticSimilarity is { } similarity ? Math.Round(similarity, 4) : (double?)null,
                    Failing = match.Eligibility.Failing.Select(c => new
                    {
                        Role = c.Role.ToString().ToLowerInvariant(),
                        c.Criterion.Segment.Text,
                        Basis = Eligibility.Evaluation.OutcomeNames.Of(c.Basis),
                        c.Evidence,
                    }),
                    Presumed = match.Eligibility.Presumptions.Count(),
                    Unknown = match.Eligibility.Criteria.Count(c => c.Outcome == Eligibility.Evaluation.CriterionOutcome.Unknown),
                };
                await writer.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(line, compact).AsMemory(), cancellationToken);
            }
        }
    }

    private static void Print(TrecRun run, TrecSafety? safety, int trialsInDatabase, OutputFormat format)
    {
        static object Measures(TrecMeasures m) => new Dictionary<string, double>
        {
            ["ndcg@10"] = Math.Round(m.Ndcg10, 4),
            ["p@10"] = Math.Round(m.Precision10, 4),
            ["rr"] = Math.Round(m.ReciprocalRank, 4),
            ["rprec"] = Math.Round(m.RPrecision, 4),
            ["recall@100"] = Math.Round(m.Recall100, 4),
        };

        if (format == OutputFormat.Json)
        {
            CliJson.Write(new
            {
                Protocol = run.Protocol.ToString().ToLowerInvariant(),
                run.Ranker,
                TrialsInDatabase = trialsInDatabase,
                TopicsWithJudgedText = run.Topics.Count,
                TopicsAveraged = run.Topics.Count(t => t.RelevantWithText > 0),
                run.JudgedPairs,
                run.JudgedPairsWithText,
                Mean = Measures(run.Mean),
                MeanAllTopics = Measures(run.MeanAllTopics),
                MeanTop10JudgedShare = run.MeanTop10JudgedShare is { } share ? Math.Round(share, 4) : (double?)null,
                Safety = safety is null ? null : new
                {
                    safety.EligiblePairs,
                    safety.FalseExclusions,
                    FalseExclusionRate = Math.Round(safety.FalseExclusionRate, 4),
                    safety.EligibleCalledLikelyIneligible,
                    EligibleLikelyIneligibleRate = Math.Round(safety.EligibleLikelyIneligibleRate, 4),
                    safety.ExcludedPairs,
                    safety.ExcludedCalledIneligible,
                    ExcludedCalledIneligibleRate = Math.Round(safety.ExcludedCalledIneligibleRate, 4),
                    safety.ExcludedCaught,
                    ExcludedCaughtRate = Math.Round(safety.ExcludedCaughtRate, 4),
                    EligibleByVerdict = safety.EligibleByVerdict.ToDictionary(v => MatchReport.VerdictName(v.Key), v => v.Value),
                    ExcludedByVerdict = safety.ExcludedByVerdict.ToDictionary(v => MatchReport.VerdictName(v.Key), v => v.Value),
                },
                PerTopic = run.Topics.Select(t => new
                {
                    t.Topic,
                    t.Judged,
                    t.JudgedWithText,
                    t.RelevantWithText,
                    t.Ranked,
                    Measures = Measures(t.Measures),
                    Top10JudgedShare = t.Top10JudgedShare,
                }),
            });
            return;
        }

        var table = new Table().AddColumns("Topic", "Judged (with text)", "NDCG@10", "P@10", "RR", "R-prec", "Recall@100");
        foreach (var t in run.Topics)
        {
            table.AddRow(t.Topic, $"{t.Judged} ({t.JudgedWithText})", F(t.Measures.Ndcg10), F(t.Measures.Precision10), F(t.Measures.ReciprocalRank), F(t.Measures.RPrecision), F(t.Measures.Recall100));
        }

        table.AddRow("[bold]mean[/]", $"{run.JudgedPairs} ({run.JudgedPairsWithText})", F(run.Mean.Ndcg10), F(run.Mean.Precision10), F(run.Mean.ReciprocalRank), F(run.Mean.RPrecision), F(run.Mean.Recall100));
        table.AddRow("mean, all topics", string.Empty, F(run.MeanAllTopics.Ndcg10), F(run.MeanAllTopics.Precision10), F(run.MeanAllTopics.ReciprocalRank), F(run.MeanAllTopics.RPrecision), F(run.MeanAllTopics.Recall100));
        AnsiConsole.Write(table);
        if (safety is not null)
        {
            AnsiConsole.MarkupLine(TerminalText.Markup($"safety: {safety.FalseExclusions} of {safety.EligiblePairs} eligible pairs called Ineligible ({F(safety.FalseExclusionRate)}), {safety.EligibleCalledLikelyIneligible} Likely ineligible ({F(safety.EligibleLikelyIneligibleRate)}); {safety.ExcludedCaught} of {safety.ExcludedPairs} excluded pairs called Ineligible or Likely ineligible ({F(safety.ExcludedCaughtRate)}), {safety.ExcludedCalledIneligible} Ineligible ({F(safety.ExcludedCalledIneligibleRate)})"));
        }

        AnsiConsole.MarkupLine(TerminalText.Markup($"ranker {run.Ranker}, protocol {run.Protocol.ToString().ToLowerInvariant()}, {trialsInDatabase} trials in the database; judged pairs without text in the database are left out; 'mean' averages the {run.Topics.Count(t => t.RelevantWithText > 0)} topics with a relevant judged trial in the database."));
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
