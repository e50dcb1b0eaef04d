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

    /// <summary>
    /// A fictional NCI Clinical Trials Search API v2 record with the fields' real shapes: NCIt ancestors marked
    /// <c>TREE</c>, criteria items out of display order, the "999 Years" that means no maximum age, a placeholder arm.
    /// </summary>
    public static string NciCtsRecord(string? nctId = "NCT99000001", string nciId = "NCI-2099-00001", string status = "Active", string phase = "I_II") => $$"""
        {
          "nci_id": "{{nciId}}",
          "nct_id": {{(nctId is null ? "null" : $"\"{nctId}\"")}},
          "protocol_id": "ZZ-101",
          "ctep_id": "ZZ101",
          "dcp_id": null,
          "other_ids": [ { "name": "Study Protocol Other Identifier", "value": "s99-00001" } ],
          "brief_title": "Zetolimab with Standard Chemotherapy in Treating Patients with Stage IV Lung Cancer",
          "official_title": "A Randomized Phase I/II Trial of Zetolimab in Stage IV Non-Small Cell Lung Cancer",
          "acronym": "ZETA-1",
          "brief_summary": "This phase I/II trial studies zetolimab.\r\nSecond line.",
          "detail_description": "PRIMARY OBJECTIVE:\n\nI. To compare survival.",
          "keywords": [ "zetolimab", "NSCLC", "nsclc" ],
          "phase": "{{phase}}",
          "current_trial_status": "{{status}}",
          "current_trial_status_date": "2024-02-01",
          "record_verification_date": "2024-03-15",
          "amendment_date": "2024-04-20T00:00:00",
          "start_date": "2023-06-01",
          "completion_date": "2027-12-31",
          "primary_purpose": "TREATMENT",
          "study_protocol_type": "Interventional",
          "lead_org": "Fictional Oncology Group",
          "collaborators": [ { "name": "National Cancer Institute", "functional_role": "FUNDING_SOURCE" } ],
          "principal_investigator": "Ada Example",
          "central_contact": { "phone": null, "name": null, "type": null, "email": null },
          "minimum_target_accrual_number": 240,
          "diseases": [
            { "inclusion_indicator": "TREE", "is_lead_disease": true, "name": "Neoplasm by Site", "type": [ "subtype" ], "nci_thesaurus_concept_id": "C3263" },
            { "inclusion_indicator": "TRIAL", "is_lead_disease": false, "name": "Stage IV Lung Cancer AJCC v8", "type": [ "stage" ], "nci_thesaurus_concept_id": "C136391" },
            { "inclusion_indicator": "TRIAL", "is_lead_disease": true, "name": "Non-Small Cell Lung Carcinoma", "type": [ "maintype", "subtype" ], "nci_thesaurus_concept_id": "C2926" },
            { "inclusion_indicator": "TRIAL", "is_lead_disease": false, "name": "non-small cell lung carcinoma", "type": [ "subtype" ], "nci_thesaurus_concept_id": "C2926" }
          ],
          "arms": [
            {
              "name": "Arm I (zetolimab, carboplatin)",
              "type": "EXPERIMENTAL",
              "description": "Patients receive zetolimab IV and carboplatin IV.",
              "interventions": [
                { "inclusion_indicator": "TRIAL", "name": "Zetolimab", "type": "Biological/Vaccine", "category": "agent", "description": "A fictional antibody.", "synonyms": [ "ZT-101", "Zetolimab" ] },
                { "inclusion_indicator": "TRIAL", "name": "Carboplatin", "type": "Drug", "category": "agent", "synonyms": [ "Paraplatin" ] },
                { "inclusion_indicator": "TREE", "name": "Platinum Compound", "type": "Drug", "category": "agent category" }
              ]
            },
            {
              "name": "Arm II (carboplatin)",
              "type": "ACTIVE_COMPARATOR",
              "description": null,
              "interventions": [ { "inclusion_indicator": "TRIAL", "name": "Carboplatin", "type": "Drug", "category": "agent" } ]
            },
            {
              "name": "Arm not specified",
              "type": null,
              "interventions": [ { "inclusion_indicator": "TRIAL", "name": "Quality-of-Life Assessment", "category": "other" } ]
            }
          ],
          "eligibility": {
            "structured": {
              "sex": "FEMALE",
              "min_age": "18 Years", "min_age_number": 18, "min_age_unit": "Years",
              "max_age": "999 Years", "max_age_number": 999, "max_age_unit": "Years",
              "accepts_healthy_volunteers": false
            },
            "unstructured": [
              { "inclusion_indicator": false, "display_order": 4, "description": "Pregnant or breast-feeding" },
              { "inclusion_indicator": true, "display_order": 1, "description": "Histologically confirmed stage IV non-small cell lung cancer" },
              { "inclusion_indicator": true, "display_order": 3, "description": "Adequate organ function:\r\n* Platelets >= 100,000/mm^3\r\n* Total bilirubin =< 1.5 x ULN" },
              { "inclusion_indicator": true, "display_order": 2, "description": "Eastern Cooperative Oncology Group (ECOG) performance status 0-1" },
              { "inclusion_indicator": false, "display_order": 5, "description": "Prior treatment with an anti-PD-1 antibody" },
              { "inclusion_indicator": true, "display_order": 6, "description": "  " }
            ]
          },
          "sites": [
            {
              "org_name": "North Example Cancer Center", "org_city": "Portland", "org_state_or_province": "OR", "org_country": "United States",
              "org_postal_code": "97201", "org_coordinates": { "lon": -122.68, "lat": 45.51 }, "recruitment_status": "ACTIVE",
              "contact_name": "Site Public Contact", "contact_phone": "555-0100", "contact_email": "trials@example.org"
            },
            {
              "org_name": "South Example Hospital", "org_city": "Toronto", "org_state_or_province": "ON", "org_country": "Canada",
              "org_postal_code": null, "org_coordinates": null, "recruitment_status": "TEMPORARILY_CLOSED_TO_ACCRUAL",
              "contact_name": null, "contact_phone": null, "contact_email": null
            }
          ]
        }
        """;
}
