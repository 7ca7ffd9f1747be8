// The defined terms of the benchmark workspace's glossary (Section A1.1), used by
// bench/generate.mjs. Invented for the benchmark: the words are the vocabulary of smart
// metering regulation, the list and every definition's wording are not the SEC's.
//
// One term a line: KIND TERM, or KIND ACRONYM = EXPANSION for an acronym (the expansion is
// defined too, and the acronym's definition is "means the EXPANSION"). A "~" after the kind
// marks a long term whose definition is written wrapped (its last word on the next line).
//
// KIND says how the prose may use the term:
//   c  a countable thing        (a Meter Reading, each Meter Reading, all Meter Readings)
//   a  a countable person/body  (each Supplier Agent, the Supplier Agent's obligations)
//   u  a unique person/body     (the Panel, the Panel's consent)
//   d  a unique thing           (the Charging Statement)
//   m  an uncountable thing     (the Registration Data, any Consumption Data)
//   p  a plural                 (the Services, the Recoverable Costs)
//   j  an adjective             (a Device that is not Commissioned)
//
// Rules the generator checks: Title Case words, acronyms and digits with lower-case
// connectors between them; no word that cites (Section, Schedule, Appendix, Clause,
// Condition, Paragraph, SEC); no first word that the table-row form refuses (The, This,
// Each, In, For, ...); no duplicates.
export const GLOSSARY = `
c Alert
u Alt HAN Forum
u Authority
p Business Continuity and Disaster Recovery Procedures
u Change Board
d Charging Statement
u Code Administrator
c Command
c Communications Hub
c Critical Service Request
m Data Protection Legislation
u DCC
c DCC Gateway Connection
p DCC Systems
d DCC User Interface
m Decommissioning
c Device
a Eligible User
m Enrolment
c Incident
d Incident Management Log
c Modification Proposal
a Network Party
u Panel
a Party
m Registration Data
a Registration Data Provider
c Regulatory Year
c Response
u Secretary of State
u Security Sub-Committee
d Self-Service Interface
c Service Request
p Services
d Smart Metering Inventory
c Smart Metering System
u SMKI PMA
d SMKI Repository
p SMKI Services
a Supplier Party
u Technical Sub-Committee
a Testing Participant
p Testing Services
p Threshold Anomaly Detection Procedures
a User
c User Role
c Working Day
m Withdrawal
m Good Industry Practice
j Commissioned

a Panel Member
u Panel Chair
u Panel Secretary
a Elected Member
a Alternate Member
a Consumer Member
a Independent Panel Member
a Change Board Member
c Change Board Decision
c Change Board Recommendation
c Modification Report
d Modification Register
c Modification Timetable
c Draft Proposal
c Draft Proposal Form
a Proposer
c Working Group
a Working Group Member
c Refinement Consultation
c Implementation Date
c Fast-Track Modification
c Path 2 Modification
c Authority Determination
c Determination Notice
c Urgent Proposal
p Self-Governance Criteria
c Consultation Period
d Code Governance Timetable
a Sub-Committee Chair
d Panel Decision Log
d Panel Work Plan
c Annual Governance Report
c Budget Year
c Approved Budget
p Recoverable Costs
a Voting Member
c Dispute Notice
a Disputing Party
c Expert Determination
a Appointed Expert
c Arbitration Notice
c Notice of Objection
d Register of Interests
p Terms of Reference

c Security Incident
c Security Incident Report
d Security Controls Framework
c Security Assessment
c Security Assessment Report
a User Security Officer
d Security Risk Register
c Anomaly Threshold
c Anomaly Detection Report
c Compromised Credential
c Credential Revocation
a Key Custodian
m Key Material
c Private Key
c Public Key
c Certificate Signing Request
d Certificate Revocation List
c Trust Anchor
a Issuing Authority
a Subscriber
a Relying Party
c Certificate
c Penetration Test
c Vulnerability Assessment
c Vulnerability Notice
c Information Asset
a Information Asset Owner
m Protective Monitoring
c Security Patch
c Firmware Patch
d Access Control Matrix
m Separation of Duties
c Point of Contact
c Recovery Key
c Recovery Event
c SMKI Recovery Key
a SMKI Participant

c Smart Meter
c Gas Smart Meter
c Electricity Smart Meter
c Meter Point
c Meter Point Identifier
d Meter Asset Register
c Meter Reading
c Meter Reading Window
a Meter Operator
a Meter Installer
a Installing Supplier
a Gaining Supplier
a Losing Supplier
a Supplier
a Supplier Nominated Agent
a Supplier Agent
c Supplier Licence
c Distribution Licence
a Gas Transporter
a Electricity Distributor
a Network Operator
a Distribution Network Operator
p Premises
a Consumer
a Domestic Consumer
a Non-Domestic Consumer
c Consumer Consent
c Consumer Consent Record
c Consumer Device
c Consumer Access Device
c Home Display Unit
c Prepayment Meter
c Credit Meter
m Prepayment Mode
m Credit Mode
c Tariff
c Tariff Table
c Tariff Switching Table
c Block Tariff
c Load Limit
c Load Limit Period
c Load Control Instruction
c Communications Hub Batch
c Communications Hub Order
c Communications Hub Forecast
c Communications Hub Returns Window
c Dual Band Communications Hub
d Hub Ordering Portal
c Test Communications Hub
c Device Class
c Device Alias
c Device Pairing Record
c Device Firmware Version
a Device Manufacturer
c Device Installation Record
c Device Removal Notice
c Device Suspension
c Suspended Device
m Firmware
c Firmware Image
c Firmware Release Note
c Home Area Network
d Wide Area Network
c Head End System
c Head End Gateway
c Meter Exchange
c Meter Exchange Visit
c Installation Visit
c Failed Installation
c Service Request Variant
c Service Request Type
c Non-Device Service Request
c Future-Dated Service Request
c Service Request Batch
c Response Code
c Acknowledgement
c Alert Code
c Alert Threshold
c Command Sequence
c Signed Command
c Countersigned Command
c Message Batch
c Transaction Identifier
c Registration Data Refresh
c Registration Data Incident
c Enrolment Date
c Enrolment Failure
c Migration Cohort
c Migration Window
c Migrated Device
c Dormant Meter
c Dormant Meter Report
c Decommissioning Notice
c Outage
c Planned Outage
c Unplanned Outage
c Outage Notification
c Maintenance Window
c Service Availability Target
c Target Response Time
c Service Level
c Service Level Report
c Service Credit
c Performance Measure
c Performance Report
c Reporting Period
c Incident Category
c Incident Priority
c Major Incident
c Major Incident Review
a Incident Resolver
c Problem Record
c Root Cause Analysis
d Service Desk
c Service Desk Ticket
c Self-Service Account
m Gateway Equipment
m DCC Gateway Equipment
c Gateway Connection Request
p DCC Live Systems
a DCC Service Provider
c DCC Release Note
d User Role Matrix
c User Entry Date
c User Identifier
p User Systems
c User Account
m User Personnel
a Prospective User
a Import Supplier
a Export Supplier
a Other User
c Privacy Audit
c Test Scenario
c Test Completion Report
c Test Environment
c Test Certificate
c Test Device
p Test Exit Criteria
c Test Readiness Review
c Regression Test
c Device Integration Test
c Entry Assessment

c Fixed Charge
c Explicit Charge
c Elective Charge
c Monthly Payment
c Invoice
c Invoice Date
c Payment Due Date
c Credit Cover Requirement
m Credit Support
c Credit Limit
c Bank Guarantee
c Letter of Credit
c Default Interest Rate
c Disputed Amount
c Estimated Revenue
m Allowed Revenue
c Charging Year
c Charging Period
c Billing Period
c Billing Dispute
c Cost Recovery Mechanism
c Pass-Through Cost
c Reimbursable Expense
c Security Deposit
c Payment Default
c Late Payment Charge

m Personal Data
a Data Subject
a Data Controller
a Data Processor
c Data Sharing Agreement
c Privacy Notice
c Privacy Impact Assessment
m Consumption Data
m Half-Hourly Consumption Data
m Daily Consumption Data
m Monthly Consumption Data
c Data Retention Period
c Data Access Request
c Data Breach
m Anonymised Data
c Data Set
c Aggregated Data Set
a Research Body

m Force Majeure
c Force Majeure Event
a Affected Party
m Confidential Information
p Intellectual Property Rights
m Licensed Material
c Notice Address
c Effective Date
c Commencement Date
c Termination Date
c Expulsion Notice
c Withdrawal Notice
a Defaulting Party
c Event of Default
c Material Breach
p Relevant Instruments
m Applicable Law
a Competent Authority
a Licensee
a Licence Holder
c Licence Obligation
c Deed of Accession
c Accession Agreement
c Accession Date
a Applicant
a Authorised Representative
a Nominated Contact
c Notice Period
c Consultation Response
p Business Hours

c Designation Date
c Transition Period
c Transitional Variation
c Go-Live Date
c Release Management Plan
c Release Window
c Readiness Assessment
c Cutover Plan
c Migration Plan
c Migration Authorisation
d Interim Operating Model
d Enduring Operating Model
p Live Service Criteria
c Completion Certificate
m Alt HAN Equipment
a Alt HAN Forum Member
c Alt HAN Charge

c Gas Network
c Electricity Network
c Connection Point
m Radio Coverage
d Coverage Database
c Coverage Exception
a Communications Service Provider
c Signal Strength Test
c Network Outage

m Electricity Supply
m Gas Supply
c Supply Point
c Supply Start Date
c Supply Interruption
c Export Meter
c Import Meter
c Microgeneration Installation
c Demand Response Event
m Demand Side Response
c Flexibility Service
a Flexibility Provider
c Settlement Period
m Settlement Data
a Market Participant
a Vulnerable Consumer
d Priority Services Register
m Emergency Credit
a Customer Service Agent

c Operating Procedure
c Local Operating Procedure
c Change Request
c Change Request Form
c Emergency Change
c Standard Change
c Release
c Release Note
c Impact Assessment
c Risk Register
c Action Plan
c Remedial Action Plan
c Audit Report
a Independent Auditor
a Auditor
c Assurance Report
c Compliance Statement
c Compliance Monitoring Plan
c Non-Compliance Notice
c Remediation Plan
c Exception Report
c Derogation
c Derogation Request
c Demand Forecast
c Capacity Plan
c Publication Date
c Consultation Document
c Response Deadline
c Decision Letter
c Guidance Note
m Operational Guidance
c Technical Specification
c Change of Supplier Event
m Change of Tenancy
c Request for Information
c Notice to Proceed
c Statement of Requirements
c Declaration of Compliance
c Certificate of Conformity
c Installation and Maintenance Guide
p Testing and Acceptance Criteria

a Responsible Officer
a Senior Responsible Owner
a Technical Contact
a Security Contact
a Escalation Manager
a Service Manager
a Independent Assessor
a Assessor
a Accredited Installer
a Installer
a Field Engineer

d~ Consumer Data Access Consent Register
c~ Remote Tariff Configuration Change Window
c~ Interim Device Firmware Assurance Statement
d~ Network Operator Outage Notification Protocol
c~ Supplier Performance Improvement Plan
c~ Enduring Communications Hub Replacement Programme

d Consumer Energy Portal
d CEP = Consumer Energy Portal
d Remote Tariff Service
d RTS = Remote Tariff Service
c DPR = Device Pairing Record
d MAR = Meter Asset Register
c SAT = Service Availability Target
c TRT = Target Response Time
c PIA = Privacy Impact Assessment
c DSA = Data Sharing Agreement
c FME = Force Majeure Event
c SIR = Security Incident Report
c RCA = Root Cause Analysis
c MIR = Major Incident Review
c HES = Head End System
c HEG = Head End Gateway
c CCR = Consumer Consent Record
c TRR = Test Readiness Review
c TCR = Test Completion Report
c RMP = Release Management Plan
d IOM = Interim Operating Model
d EOM = Enduring Operating Model
a USO = User Security Officer
d SCF = Security Controls Framework
c LPC = Late Payment Charge
c DIR = Default Interest Rate
d CRL = Certificate Revocation List
c CSR = Certificate Signing Request
c DRP = Data Retention Period
a DNO = Distribution Network Operator
a CSP = Communications Service Provider
d PSR = Priority Services Register
c SLR = Service Level Report
`;
