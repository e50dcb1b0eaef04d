namespace TrialAccess.Vocabulary;

/// <summary>
/// The fields a radiotherapy is named by ("total body", "whole brain", "pelvic", "to the chest wall"), as one regular
/// expression alternation: criteria name them to limit a rule to that field, notes to say where the radiotherapy went.
/// </summary>
internal static class RadiotherapyFields
{
    public const string Pattern = @"whole[- ]brain|total[- ]body|craniospinal|cranial|pelvi[cs]|abdom[ei]n(?:al)?|thorac(?:ic)?|thorax|mediastin(?:al|um)|chest(?:[- ]wall)?|breast|prostate|head\s+and\s+neck|spin(?:al|e)|hemibody|extended[- ]field|mantle(?:[- ]field)?|lungs?|liver|brain|bone\s+marrow|central\s+nervous\s+system|cns|neck|abdominopelvic";
}
