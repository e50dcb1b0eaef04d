namespace TrialAccess.Registry.Tests.Sources;

/// <summary>Small hand-written records in each format, for tests that must not depend on ../shared.</summary>
internal static class SampleRecords
{
    public static string V2Study(string nctId = "NCT90000001", string lastUpdate = "2024-05-02", string status = "RECRUITING") => $$"""
        {
          "protocolSection": {
            "identificationModule": {
              "nctId": "{{nctId}}",
              "orgStudyIdInfo": { "id": "ORG-1" },
              "secondaryIdInfos": [ { "id": "EU-2024-1", "type": "EUDRACT_NUMBER" } ],
              "briefTitle": "Osimertinib after chemoradiation in EGFR-mutant non-small cell lung cancer",
              "officialTitle": "A test record"
            },
            "statusModule": {
              "overallStatus": "{{status}}",
              "startDateStruct": { "date": "2024-01", "type": "ACTUAL" },
              "primaryCompletionDateStruct": { "date": "2026-06-30", "type": "ESTIMATED" },
              "lastUpdatePostDateStruct": { "date": "{{lastUpdate}}", "type": "ACTUAL" }
            },
            "sponsorCollaboratorsModule": { "leadSponsor": { "name": "Test Sponsor" }, "collaborators": [ { "name": "Helper Org" } ] },
            "descriptionModule": { "briefSummary": "Line one.\r\nLine two." },
            "conditionsModule": { "conditions": [ "NSCLC", "nsclc", "Lung Cancer" ], "keywords": [ "EGFR" ] },
            "designModule": { "studyType": "INTERVENTIONAL", "phases": [ "PHASE1", "PHASE2" ], "enrollmentInfo": { "count": 120, "type": "ESTIMATED" } },
            "armsInterventionsModule": {
              "armGroups": [ { "label": "Arm A", "type": "EXPERIMENTAL", "interventionNames": [ "Drug: Osimertinib" ] } ],
              "interventions": [ { "type": "DRUG", "name": "Osimertinib", "otherNames": [ "AZD9291" ] } ]
            },
            "eligibilityModule": {
              "eligibilityCriteria": "Inclusion Criteria:\n\n* Age 18 or older\n\nExclusion Criteria:\n\n* Pregnancy",
              "healthyVolunteers": false,
              "sex": "ALL",
              "minimumAge": "18 Years"
            },
            "contactsLocationsModule": {
              "centralContacts": [ { "name": "Study Desk", "role": "CONTACT", "email": "desk@example.org" } ],
              "locations": [
                { "facility": "North Hospital", "status": "RECRUITING", "city": "Boston", "state": "Massachusetts", "zip": "02115", "country": "United States", "geoPoint": { "lat": 42.36, "lon": -71.06 } },
                { "facility": "South Hospital", "status": "COMPLETED", "city": "Houston", "country": "United States" }
              ]
            }
          },
          "derivedSection": { "conditionBrowseModule": { "meshes": [ { "id": "D002289", "term": "Carcinoma, Non-Small-Cell Lung" } ] } }
        }
        """;

    public static string XmlStudy(string nctId = "NCT90000002") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <clinical_study>
          <id_info><org_study_id>LOCAL-7</org_study_id><secondary_id>ALT-1</secondary_id><nct_id>{nctId}</nct_id></id_info>
          <brief_title>Radiotherapy for brain metastases</brief_title>
          <sponsors><lead_sponsor><agency>Test University</agency></lead_sponsor></sponsors>
          <brief_summary><textblock>
              A short summary.
          </textblock></brief_summary>
          <overall_status>Active, not recruiting</overall_status>
          <start_date>September 2004</start_date>
          <phase>Phase 2/Phase 3</phase>
          <study_type>Interventional</study_type>
          <enrollment type="Actual">9</enrollment>
          <condition>Brain Metastases</condition>
          <arm_group><arm_group_label>WBRT</arm_group_label><arm_group_type>Active Comparator</arm_group_type></arm_group>
          <intervention><intervention_type>Radiation</intervention_type><intervention_name>Whole brain radiotherapy</intervention_name><arm_group_label>WBRT</arm_group_label><other_name>WBRT</other_name></intervention>
          <eligibility>
            <criteria><textblock>
                Inclusion Criteria:&#xD;
                  -  Karnofsky 70 or more&#xD;
            </textblock></criteria>
            <gender>Female</gender>
            <minimum_age>6 Months</minimum_age>
            <maximum_age>N/A</maximum_age>
            <healthy_volunteers>No</healthy_volunteers>
          </eligibility>
          <location>
            <facility><name>City Clinic</name><address><city>Lyon</city><zip>69003</zip><country>France</country></address></facility>
            <status>Recruiting</status>
            <contact><last_name>Dr Test</last_name><phone>+33 555</phone><email>t@example.org</email></contact>
          </location>
          <last_update_posted type="Actual">March 30, 2017</last_update_posted>
          <condition_browse><mesh_term>Brain Neoplasms</mesh_term></condition_browse>
        </clinical_study>
        """;

    public static string TrialGptRecord(string nctId = "NCT90000003") => $$$"""
        {"_id": "{{{nctId}}}", "title": "Exercise during chemotherapy", "text": "Summary: A walking programme.\nInclusion criteria: ...", "metadata": {"brief_title": "Exercise during chemotherapy", "phase": "Phase 2", "drugs_list": "['Walking', \"Patient's diary\"]", "diseases_list": "['Breast Cancer']", "enrollment": "60.0", "inclusion_criteria": "inclusion criteria: \n\n Women aged 18 or over \n\n ", "exclusion_criteria": ": \n\n Metastatic disease", "brief_summary": "A walking programme."}}
        """;
}
