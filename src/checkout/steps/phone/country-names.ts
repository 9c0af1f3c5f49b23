/**
 * Every region of dial-codes.ts named in English (as Intl.DisplayNames names them), in
 * alphabetical order, as "AFAfghanistan|AXÅland Islands|…": creating Intl.DisplayNames cost
 * 45-160 ms in a fresh renderer, on the way to the first paint of the phone step.
 * test/unit/checkout/dial-codes.test.ts keeps the regions equal to the library's.
 */
const TABLE =
  'AFAfghanistan|AXÅland Islands|ALAlbania|DZAlgeria|ASAmerican Samoa|ADAndorra|AOAngola|AIAnguilla|' +
  'AGAntigua & Barbuda|ARArgentina|AMArmenia|AWAruba|ACAscension Island|AUAustralia|ATAustria|' +
  'AZAzerbaijan|BSBahamas|BHBahrain|BDBangladesh|BBBarbados|BYBelarus|BEBelgium|BZBelize|BJBenin|' +
  'BMBermuda|BTBhutan|BOBolivia|BABosnia & Herzegovina|BWBotswana|BRBrazil|' +
  'IOBritish Indian Ocean Territory|VGBritish Virgin Islands|BNBrunei|BGBulgaria|BFBurkina Faso|' +
  'BIBurundi|KHCambodia|CMCameroon|CACanada|CVCape Verde|BQCaribbean Netherlands|KYCayman Islands|' +
  'CFCentral African Republic|TDChad|CLChile|CNChina|CXChristmas Island|CCCocos (Keeling) Islands|' +
  'COColombia|KMComoros|CGCongo - Brazzaville|CDCongo - Kinshasa|CKCook Islands|CRCosta Rica|' +
  'CICôte d’Ivoire|HRCroatia|CUCuba|CWCuraçao|CYCyprus|CZCzechia|DKDenmark|DJDjibouti|DMDominica|' +
  'DODominican Republic|ECEcuador|EGEgypt|SVEl Salvador|GQEquatorial Guinea|EREritrea|EEEstonia|' +
  'SZEswatini|ETEthiopia|FKFalkland Islands|FOFaroe Islands|FJFiji|FIFinland|FRFrance|' +
  'GFFrench Guiana|PFFrench Polynesia|GAGabon|GMGambia|GEGeorgia|DEGermany|GHGhana|GIGibraltar|' +
  'GRGreece|GLGreenland|GDGrenada|GPGuadeloupe|GUGuam|GTGuatemala|GGGuernsey|GNGuinea|' +
  'GWGuinea-Bissau|GYGuyana|HTHaiti|HNHonduras|HKHong Kong SAR China|HUHungary|ISIceland|INIndia|' +
  'IDIndonesia|IRIran|IQIraq|IEIreland|IMIsle of Man|ILIsrael|ITItaly|JMJamaica|JPJapan|JEJersey|' +
  'JOJordan|KZKazakhstan|KEKenya|KIKiribati|XKKosovo|KWKuwait|KGKyrgyzstan|LALaos|LVLatvia|' +
  'LBLebanon|LSLesotho|LRLiberia|LYLibya|LILiechtenstein|LTLithuania|LULuxembourg|MOMacao SAR China|' +
  'MGMadagascar|MWMalawi|MYMalaysia|MVMaldives|MLMali|MTMalta|MHMarshall Islands|MQMartinique|' +
  'MRMauritania|MUMauritius|YTMayotte|MXMexico|FMMicronesia|MDMoldova|MCMonaco|MNMongolia|' +
  'MEMontenegro|MSMontserrat|MAMorocco|MZMozambique|MMMyanmar (Burma)|NANamibia|NRNauru|NPNepal|' +
  'NLNetherlands|NCNew Caledonia|NZNew Zealand|NINicaragua|NENiger|NGNigeria|NUNiue|' +
  'NFNorfolk Island|KPNorth Korea|MKNorth Macedonia|MPNorthern Mariana Islands|NONorway|OMOman|' +
  'PKPakistan|PWPalau|PSPalestinian Territories|PAPanama|PGPapua New Guinea|PYParaguay|PEPeru|' +
  'PHPhilippines|PLPoland|PTPortugal|PRPuerto Rico|QAQatar|RERéunion|RORomania|RURussia|RWRwanda|' +
  'WSSamoa|SMSan Marino|STSão Tomé & Príncipe|SASaudi Arabia|SNSenegal|RSSerbia|SCSeychelles|' +
  'SLSierra Leone|SGSingapore|SXSint Maarten|SKSlovakia|SISlovenia|SBSolomon Islands|SOSomalia|' +
  'ZASouth Africa|KRSouth Korea|SSSouth Sudan|ESSpain|LKSri Lanka|BLSt. Barthélemy|SHSt. Helena|' +
  'KNSt. Kitts & Nevis|LCSt. Lucia|MFSt. Martin|PMSt. Pierre & Miquelon|VCSt. Vincent & Grenadines|' +
  'SDSudan|SRSuriname|SJSvalbard & Jan Mayen|SESweden|CHSwitzerland|SYSyria|TWTaiwan|TJTajikistan|' +
  'TZTanzania|THThailand|TLTimor-Leste|TGTogo|TKTokelau|TOTonga|TTTrinidad & Tobago|' +
  'TATristan da Cunha|TNTunisia|TRTürkiye|TMTurkmenistan|TCTurks & Caicos Islands|TVTuvalu|' +
  'VIU.S. Virgin Islands|UGUganda|UAUkraine|AEUnited Arab Emirates|GBUnited Kingdom|USUnited States|' +
  'UYUruguay|UZUzbekistan|VUVanuatu|VAVatican City|VEVenezuela|VNVietnam|WFWallis & Futuna|' +
  'EHWestern Sahara|YEYemen|ZMZambia|ZWZimbabwe';

/** [region, English name], sorted by name. */
export const COUNTRY_NAMES: readonly (readonly [string, string])[] = TABLE.split('|').map((entry) => [entry.slice(0, 2), entry.slice(2)] as const);
