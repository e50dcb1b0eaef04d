using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TrialAccess.Cli.Terminal;
using TrialAccess.Evaluation.Trec;
using TrialAccess.Matching;
using TrialAccess.Matching.Ranking;
using TrialAccess.Matching.Retrieval;
using TrialAccess.Ranking;
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
        EvalVignettesCommand.Create(),
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
            Description = "full: the matcher (relevance, eligibility tiers); learned: the matcher ranking with the learned model (see --model); bm25: the plain BM25 baseline",
            DefaultValueFactory = _ => "full",
        };
        ranker.AcceptOnlyFromAmong("full", "learned", "bm25");
        var model = ModelOption();
        var cv = CrossValidationOption();
        var pairs = new Option<FileInfo?>("--pairs")
        {
            Description = "With the full ranker: write every judged pair with text as JSON Lines to this file (topic, trial, grade, verdict, failing criteria with evidence and basis)",
        };
        var format = CommonOptions.Format();
        var command = new Command("trec", "NDCG@10, P@10, reciprocal rank, R-precision and recall@100 on TREC Clinical Trials topics")
        {
            topics, qrels, protocol, ranker, model, cv, pairs, format,
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

            var chosenProtocol = parseResult.GetValue(protocol);
            var folds = parseResult.GetValue(cv);
            if (folds is not null && chosenProtocol != TrecProtocol.Judged)
            {
                await Console.Error.WriteLineAsync("error: --cv works on the judged protocol only (the learned ranker is trained on the judged trials)");
                return ExitCodes.BadInput;
            }

            IRelevanceModel? relevanceModel = null;
            if (folds is null && parseResult.GetValue(ranker) == "learned")
            {
                (relevanceModel, var modelError) = RankerModels.Load(parseResult.GetValue(model));
                if (relevanceModel is null)
                {
                    await Console.Error.WriteLineAsync($"error: {modelError}");
                    return ExitCodes.BadInput;
                }
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
            TrecRun run;
            TrecSafety? safety = null;
            CrossValidationReport? report = null;
            if (folds is null && parseResult.GetValue(ranker) == "bm25")
            {
                run = TrecEvaluation.Run(parsedTopics, judgements!, new Bm25Ranker(TrialSearchIndex.Build(trials)), chosenProtocol, HasText);
            }
            else
            {
                var matcher = new TrialMatcher(semantic.Catalog, (id, _) => ValueTask.FromResult(stored.GetValueOrDefault(id)), TimeProvider.System, model: relevanceModel, embedder: semantic.Embedder, semantic: semantic.Settings);
                var full = new MatchRanker(matcher, withFeatures: folds is not null);
                run = TrecEvaluation.Run(parsedTopics, judgements!, full, chosenProtocol, HasText);
                var scorable = judgements!.Where(HasText);
                if (folds is { } k)
                {
                    // Features once per (topic, judged trial) from the run above; the folds are trained and scored in memory.
                    await Console.Error.WriteLineAsync($"cross-validation: {k} folds by {RankerExperiment.FoldRule}");
                    var data = RankerExperiment.Extract(parsedTopics, scorable, full);
                    var result = RankerExperiment.CrossValidate(data, k);
                    var learned = TrecEvaluation.Run(parsedTopics, judgements!, new RankerExperiment.FixedRanker("learned (cross-validated)", result.Rankings), chosenProtocol, HasText);
                    var bm25 = TrecEvaluation.Run(parsedTopics, judgements!, new Bm25Ranker(TrialSearchIndex.Build(trials)), chosenProtocol, HasText);
                    report = CrossValidationReport.From(k, learned, run, bm25, result);
                }

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

            Print(run, safety, trials.Count, parseResult.GetValue(format), report);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static Option<FileInfo?> ModelOption() => new("--model")
    {
        Description = $"With --ranker learned: the model file (ML.NET zip with its .json beside it; default: the shipped {RankerModels.ShippedRelativePath})",
    };

    internal static Option<int?> CrossValidationOption()
    {
        var cv = new Option<int?>("--cv")
        {
            Description = "Cross-validate the learned ranker over k folds of topics (fold = topic number mod k) and report its NDCG@10 beside the full ranker and BM25, for the same topics, in one run (judged protocol)",
        };
        cv.Validators.Add(result =>
        {
            // A token that is not a number is the parser's own error; reading the value here would throw.
            if (result.Tokens.Count == 1
                && int.TryParse(result.Tokens[0].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var folds)
                && folds is < 2 or > 75)
            {
                result.AddError("--cv takes a number of folds from 2 to 75");
            }
        });
        return cv;
    }

    /// <summary>The cross-validated learned ranker beside the full ranker and BM25, over the same topics, per fold.</summary>
    internal sealed record CrossValidationReport(
        int Folds,
        string FoldRule,
        TrecRun Learned,
        TrecRun Full,
        TrecRun Bm25,
        IReadOnlyList<FoldFigures> PerFold,
        CrossValidation Result)
    {
        public static CrossValidationReport From(int folds, TrecRun learned, TrecRun full, TrecRun bm25, CrossValidation result)
        {
            static Dictionary<string, double> Ndcg(TrecRun run) =>
                run.Topics.Where(t => t.RelevantWithText > 0).ToDictionary(t => t.Topic, t => t.Measures.Ndcg10, StringComparer.Ordinal);

            var (l, f, b) = (Ndcg(learned), Ndcg(full), Ndcg(bm25));
            var perFold = Enumerable.Range(0, folds)
                .Select(fold =>
                {
                    var topics = l.Keys.Where(t => RankerExperiment.FoldOf(t, folds) == fold).ToList();
                    double Mean(Dictionary<string, double> by) => topics.Count == 0 ? 0 : topics.Average(t => by.GetValueOrDefault(t));
                    return new FoldFigures(fold, topics.Count, Mean(l), Mean(f), Mean(b), fold < result.ChosenPerFold.Count ? result.ChosenPerFold[fold].Describe() : null);
                })
                .ToList();
            return new CrossValidationReport(folds, RankerExperiment.FoldRule, learned, full, bm25, perFold, result);
        }
    }

    internal sealed record FoldFigures(int Fold, int Topics, double Learned, double Full, double Bm25, string? Chosen);

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

    private static void Print(TrecRun run, TrecSafety? safety, int trialsInDatabase, OutputFormat format, CrossValidationReport? cv = null)
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
                CrossValidation = cv is null ? null : new
                {
                    cv.Folds,
                    Rule = cv.FoldRule,
                    TopicsAveraged = cv.Learned.Topics.Count(t => t.RelevantWithText > 0),
                    MeanNdcg10 = new { Learned = Math.Round(cv.Learned.Mean.Ndcg10, 4), Full = Math.Round(cv.Full.Mean.Ndcg10, 4), Bm25 = Math.Round(cv.Bm25.Mean.Ndcg10, 4) },
                    Learned = Measures(cv.Learned.Mean),
                    Bm25 = Measures(cv.Bm25.Mean),
                    PerFold = cv.PerFold.Select(f => new { f.Fold, f.Topics, Learned = Math.Round(f.Learned, 4), Full = Math.Round(f.Full, 4), Bm25 = Math.Round(f.Bm25, 4), f.Chosen }),
                    Selection = "nested: each fold chooses among LambdaMartParameters.Grid by cross-validation over its own training topics",
                    GridPlainCv = cv.Result.GridMeans,
                    cv.Result.FeatureImportance,
                    PerTopicLearned = cv.Learned.Topics.Select(t => new { t.Topic, Ndcg10 = Math.Round(t.Measures.Ndcg10, 4) }),
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

        if (cv is not null)
        {
            AnsiConsole.MarkupLine(TerminalText.Markup($"cross-validation, {cv.Folds} folds by {cv.FoldRule}, over the {cv.Learned.Topics.Count(t => t.RelevantWithText > 0)} topics with a relevant judged trial: mean NDCG@10 learned {F(cv.Learned.Mean.Ndcg10)}, full {F(cv.Full.Mean.Ndcg10)}, bm25 {F(cv.Bm25.Mean.Ndcg10)}"));
            foreach (var fold in cv.PerFold)
            {
                AnsiConsole.MarkupLine(TerminalText.Markup($"  fold {fold.Fold} ({fold.Topics} topics): learned {F(fold.Learned)}, full {F(fold.Full)}, bm25 {F(fold.Bm25)}; chose {fold.Chosen}"));
            }

            AnsiConsole.MarkupLine(TerminalText.Markup("  grid, plain cross-validation (optimistic if one picked the best): " + string.Join("; ", cv.Result.GridMeans.Select(x => $"{x.Key}: {F(x.Value)}"))));
            AnsiConsole.MarkupLine(TerminalText.Markup("  feature importance (gain, mean over folds): " + string.Join(", ", cv.Result.FeatureImportance.Take(10).Select(x => $"{x.Key} {x.Value:0.000}"))));
        }

        AnsiConsole.MarkupLine(TerminalText.Markup($"ranker {run.Ranker}, protocol {run.Protocol.ToString().ToLowerInvariant()}, {trialsInDatabase} trials in the database; judged pairs without text in the database are left out; 'mean' averages the {run.Topics.Count(t => t.RelevantWithText > 0)} topics with a relevant judged trial in the database."));
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
