"""Regenerate ``tracker/data/actors.csv`` from pycountry plus the curated tables below.

Run from the repository root:  python scripts/build_actors.py

The generated CSV is committed; the tracker never runs this at start-up. Leaders live in the
hand-edited ``tracker/data/leaders.csv`` and negative patterns in ``actor_stoplist.csv``
(see ``tracker/data/ACTORS.md``).

Columns written: code, alias, kind, case_sensitive, context, valid_from, valid_to, note.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent.parent / "tracker" / "data" / "actors.csv"
FIELDS = ("code", "alias", "kind", "case_sensitive", "context", "valid_from", "valid_to", "note")

# The 193 UN member states, the two observer states (VAT, PSE), Taiwan (TWN, an ISO 3166-1
# code and a frequent actor) and Kosovo (XKX, USER_ASSIGNED below).
# Format: CODE | names ; ... | demonyms ; ... | capitals ; ...
# A code may take several lines (they add up). Demonyms ending in "an" or "i" get an automatic
# plural ("Americans", "Iraqis").
# A capital is omitted where the word mostly means something else in news text (Brussels = the
# EU, Kingston, Victoria, Male, Georgetown, St. John's, Jerusalem: contested, see ACTORS.md).
COUNTRIES = """
AFG|Afghanistan|Afghan;Afghans|Kabul
ALB|Albania|Albanian|Tirana
DZA|Algeria|Algerian|Algiers
AND|Andorra|Andorran|Andorra la Vella
AGO|Angola|Angolan|Luanda
ATG|Antigua and Barbuda;Antigua|Antiguan|
ARG|Argentina|Argentine;Argentines;Argentinian|Buenos Aires
ARM|Armenia|Armenian|Yerevan
AUS|Australia|Australian|Canberra
AUT|Austria|Austrian|Vienna
AZE|Azerbaijan|Azerbaijani;Azeri|Baku
BHS|Bahamas|Bahamian|Nassau
BHR|Bahrain|Bahraini|Manama
BGD|Bangladesh|Bangladeshi|Dhaka
BRB|Barbados|Barbadian|Bridgetown
BLR|Belarus;Byelorussia;Belorussia;Republic of Belarus|Belarusian;Belarussian|Minsk
BLR||Byelorussian;Belorussian|
BEL|Belgium|Belgian|
BLZ|Belize|Belizean|Belmopan
BEN|Benin|Beninese|Porto-Novo;Cotonou
BTN|Bhutan|Bhutanese|Thimphu
BOL|Bolivia|Bolivian|La Paz;Sucre
BIH|Bosnia and Herzegovina;Bosnia;Bosnia-Herzegovina|Bosnian|Sarajevo
BIH||Bosnian Serb;Bosnian Serbs;Bosnian Croat;Bosnian Croats|
BWA|Botswana|Botswanan|Gaborone
BRA|Brazil|Brazilian|Brasilia;Brasília
BRN|Brunei;Brunei Darussalam|Bruneian|Bandar Seri Begawan
BGR|Bulgaria|Bulgarian|Sofia
BFA|Burkina Faso|Burkinabe;Burkinabè|Ouagadougou
BDI|Burundi|Burundian|Gitega;Bujumbura
CPV|Cabo Verde;Cape Verde|Cape Verdean;Cabo Verdean|Praia
KHM|Cambodia|Cambodian|Phnom Penh
CMR|Cameroon|Cameroonian|Yaounde;Yaoundé
CAN|Canada|Canadian|Ottawa
CAF|Central African Republic||Bangui
TCD|Chad|Chadian|N'Djamena;Ndjamena
CHL|Chile|Chilean|Santiago
CHN|China;People's Republic of China;PRC;mainland China|Chinese|Beijing;Peking
COL|Colombia|Colombian|Bogota;Bogotá
COM|Comoros|Comorian|Moroni
COG|Republic of the Congo;Congo-Brazzaville;Congo Republic||Brazzaville
COD|Democratic Republic of the Congo;Democratic Republic of Congo;DR Congo;DRC||Kinshasa
COD|Congo-Kinshasa;Congo||
CRI|Costa Rica|Costa Rican|
CIV|Côte d'Ivoire;Cote d'Ivoire;Ivory Coast|Ivorian|Yamoussoukro;Abidjan
HRV|Croatia|Croatian;Croat;Croats|Zagreb
CUB|Cuba|Cuban|Havana
CYP|Cyprus|Cypriot|Nicosia
CZE|Czech Republic;Czechia|Czech|Prague
DNK|Denmark|Danish;Dane;Danes|Copenhagen
DJI|Djibouti|Djiboutian|
DMA|Dominica||Roseau
DOM|Dominican Republic|Dominican|Santo Domingo
ECU|Ecuador|Ecuadorian;Ecuadorean|Quito
EGY|Egypt|Egyptian|Cairo
SLV|El Salvador|Salvadoran;Salvadorean|San Salvador
GNQ|Equatorial Guinea|Equatoguinean|Malabo
ERI|Eritrea|Eritrean|Asmara
EST|Estonia|Estonian|Tallinn
SWZ|Eswatini;Swaziland|Swazi|Mbabane
ETH|Ethiopia|Ethiopian|Addis Ababa
FJI|Fiji|Fijian|Suva
FIN|Finland|Finnish;Finn;Finns|Helsinki
FRA|France|French|Paris
GAB|Gabon|Gabonese|Libreville
GMB|Gambia|Gambian|Banjul
GEO|Georgia|Georgian|Tbilisi
DEU|Germany|German|Berlin
GHA|Ghana|Ghanaian|Accra
GRC|Greece|Greek;Greeks|Athens
GRD|Grenada|Grenadian|
GTM|Guatemala|Guatemalan|Guatemala City
GIN|Guinea|Guinean|Conakry
GNB|Guinea-Bissau|Bissau-Guinean|Bissau
GUY|Guyana|Guyanese|
HTI|Haiti|Haitian|Port-au-Prince
HND|Honduras|Honduran|Tegucigalpa
HUN|Hungary|Hungarian|Budapest
ISL|Iceland|Icelandic;Icelander;Icelanders|Reykjavik;Reykjavík
IND|India|Indian|New Delhi;Delhi
IDN|Indonesia|Indonesian|Jakarta
IRN|Iran;Islamic Republic of Iran|Iranian|Tehran;Teheran
IRQ|Iraq|Iraqi|Baghdad
IRL|Ireland;Republic of Ireland|Irish|Dublin
ISR|Israel|Israeli|
ITA|Italy|Italian|Rome
JAM|Jamaica|Jamaican|
JPN|Japan|Japanese|Tokyo
JOR|Jordan;Hashemite Kingdom of Jordan|Jordanian|Amman
KAZ|Kazakhstan|Kazakh;Kazakhstani|Astana;Nur-Sultan
KEN|Kenya|Kenyan|Nairobi
KIR|Kiribati|I-Kiribati|Tarawa
PRK|North Korea;DPRK;Democratic People's Republic of Korea|North Korean|Pyongyang
KOR|South Korea;Republic of Korea;ROK;Korea|South Korean;Korean|Seoul
KWT|Kuwait|Kuwaiti|Kuwait City
KGZ|Kyrgyzstan;Kyrgyz Republic|Kyrgyz|Bishkek
LAO|Laos;Lao PDR|Laotian|Vientiane
LVA|Latvia|Latvian|Riga
LBN|Lebanon|Lebanese|Beirut
LSO|Lesotho|Basotho;Mosotho|Maseru
LBR|Liberia|Liberian|Monrovia
LBY|Libya|Libyan|Tripoli
LIE|Liechtenstein|Liechtensteiner|Vaduz
LTU|Lithuania|Lithuanian|Vilnius
LUX|Luxembourg|Luxembourger;Luxembourgish|
MDG|Madagascar|Malagasy|Antananarivo
MWI|Malawi|Malawian|Lilongwe
MYS|Malaysia|Malaysian|Kuala Lumpur
MDV|Maldives|Maldivian|
MLI|Mali|Malian|Bamako
MLT|Malta|Maltese|Valletta
MHL|Marshall Islands|Marshallese|Majuro
MRT|Mauritania|Mauritanian|Nouakchott
MUS|Mauritius|Mauritian|Port Louis
MEX|Mexico|Mexican|Mexico City
FSM|Micronesia;Federated States of Micronesia|Micronesian|Palikir
MDA|Moldova|Moldovan|Chisinau;Chișinău
MCO|Monaco|Monegasque|
MNG|Mongolia|Mongolian|Ulaanbaatar;Ulan Bator
MNE|Montenegro|Montenegrin|Podgorica
MAR|Morocco|Moroccan|Rabat
MOZ|Mozambique|Mozambican|Maputo
MMR|Myanmar;Burma|Burmese|Naypyidaw;Naypyitaw;Nay Pyi Taw
NAM|Namibia|Namibian|Windhoek
NRU|Nauru|Nauruan|
NPL|Nepal|Nepali;Nepalese|Kathmandu
NLD|Netherlands;Holland|Dutch|Amsterdam
NZL|New Zealand|New Zealander;New Zealanders|Wellington
NIC|Nicaragua|Nicaraguan|Managua
NER|Niger|Nigerien|Niamey
NGA|Nigeria|Nigerian|Abuja
MKD|North Macedonia;Macedonia|Macedonian|Skopje
NOR|Norway|Norwegian|Oslo
OMN|Oman|Omani|Muscat
PAK|Pakistan|Pakistani|Islamabad
PLW|Palau|Palauan|Ngerulmud
PAN|Panama|Panamanian|Panama City
PNG|Papua New Guinea|Papua New Guinean|Port Moresby
PRY|Paraguay|Paraguayan|Asuncion;Asunción
PER|Peru|Peruvian|Lima
PHL|Philippines|Filipino;Filipinos;Philippine|Manila
POL|Poland|Polish;Pole;Poles|Warsaw
PRT|Portugal|Portuguese|Lisbon
QAT|Qatar|Qatari|Doha
ROU|Romania|Romanian|Bucharest
RUS|Russia;Russian Federation|Russian|Moscow
RWA|Rwanda|Rwandan|Kigali
KNA|Saint Kitts and Nevis;St Kitts and Nevis;St. Kitts and Nevis|Kittitian|Basseterre
LCA|Saint Lucia;St Lucia;St. Lucia|Saint Lucian|Castries
VCT|Saint Vincent and the Grenadines;St Vincent and the Grenadines|Vincentian|Kingstown
WSM|Samoa|Samoan|Apia
SMR|San Marino|Sammarinese|
STP|Sao Tome and Principe;São Tomé and Príncipe|Santomean|
SAU|Saudi Arabia;Saudi;Kingdom of Saudi Arabia|Saudi|Riyadh
SEN|Senegal|Senegalese|Dakar
SRB|Serbia|Serbian;Serb;Serbs|Belgrade
XKX|Kosovo;Republic of Kosovo|Kosovar;Kosovars;Kosovan|Pristina;Prishtina
XKX||Kosovo Serb;Kosovo Serbs;Kosovo Albanian;Kosovar Albanian|
SYC|Seychelles|Seychellois|
SLE|Sierra Leone|Sierra Leonean|Freetown
SGP|Singapore|Singaporean|
SVK|Slovakia|Slovak;Slovaks|Bratislava
SVN|Slovenia|Slovenian;Slovene;Slovenes|Ljubljana
SLB|Solomon Islands|Solomon Islander;Solomon Islanders|Honiara
SOM|Somalia|Somali|Mogadishu
ZAF|South Africa|South African|Pretoria
SSD|South Sudan|South Sudanese|Juba
ESP|Spain|Spanish;Spaniard;Spaniards|Madrid
LKA|Sri Lanka|Sri Lankan|Colombo
SDN|Sudan|Sudanese|Khartoum
SUR|Suriname|Surinamese|Paramaribo
SWE|Sweden|Swedish;Swede;Swedes|Stockholm
CHE|Switzerland|Swiss|Bern;Berne
SYR|Syria;Syrian Arab Republic|Syrian|Damascus
TJK|Tajikistan|Tajik|Dushanbe
TZA|Tanzania|Tanzanian|Dodoma
THA|Thailand|Thai|Bangkok
TLS|Timor-Leste;East Timor|Timorese|Dili
TGO|Togo|Togolese|Lome;Lomé
TON|Tonga|Tongan|Nuku'alofa
TTO|Trinidad and Tobago|Trinidadian|Port of Spain
TUN|Tunisia|Tunisian|Tunis
TUR|Turkey;Türkiye;Turkiye|Turkish;Turk;Turks|Ankara
TKM|Turkmenistan|Turkmen|Ashgabat
TUV|Tuvalu|Tuvaluan|Funafuti
UGA|Uganda|Ugandan|Kampala
UKR|Ukraine|Ukrainian|Kyiv;Kiev
ARE|United Arab Emirates;UAE;U.A.E.;Emirates|Emirati|Abu Dhabi
GBR|United Kingdom;UK;U.K.;Britain;Great Britain;Northern Ireland|British;Briton;Britons|London
GBR|United Kingdom of Great Britain and Northern Ireland|Brit;Brits|
USA|United States;US;U.S.;USA;U.S.A.;America;United States of America|American|Washington
USA|||Washington D.C.;Washington, D.C.
URY|Uruguay|Uruguayan|Montevideo
UZB|Uzbekistan|Uzbek|Tashkent
VUT|Vanuatu|Ni-Vanuatu|Port Vila
VEN|Venezuela|Venezuelan|Caracas
VNM|Vietnam;Viet Nam|Vietnamese|Hanoi
YEM|Yemen|Yemeni|Sanaa;Sana'a
ZMB|Zambia|Zambian|Lusaka
ZWE|Zimbabwe|Zimbabwean|Harare
VAT|Holy See;Vatican;Vatican City||
PSE|Palestine;State of Palestine|Palestinian|Ramallah
TWN|Taiwan|Taiwanese|Taipei
"""

# Government institutions used as metonyms for the state.
INSTITUTIONS = """
USA|White House;State Department;Department of State;Pentagon;Oval Office;Capitol Hill
USA|Congress;CIA;Foggy Bottom;Treasury Department
RUS|Kremlin;FSB;State Duma;Duma;SVR;GRU
BLR|KGB
GBR|Downing Street;Whitehall;Foreign Office;FCDO;MI6
FRA|Elysee;Élysée;Elysee Palace;Quai d'Orsay
DEU|Bundestag;Bundeswehr
CHN|Zhongnanhai;National People's Congress;People's Liberation Army
UKR|Verkhovna Rada;SBU
ISR|Knesset;IDF;Mossad
IRN|IRGC
POL|Sejm
"""

# Territories news names for the state that holds or claims them
TERRITORIES = (("PSE", "Gaza Strip"), ("PSE", "West Bank"))
# Names news copy gives a state that no table above holds, case-sensitive, with their reason.
NEWS_USAGE = (
    (
        "IRN",
        "the Islamic Republic",
        'news usage: "sanctions the US has imposed on the Islamic Republic" (Pakistan, '
        "Afghanistan and Mauritania are named with their own name)",
    ),
)

# Aliases whose surface is also a common word or name: always case-sensitive ("us" is never
# USA, "turkey" is the bird, "chad"/"china"/"guinea" lower-case are words), and the name of a
# context rule in tracker/actors.py: given_name (a person's name: "Michael Jordan",
# "Chad Smith"), surname ("George Washington"), us_state ("Atlanta, Georgia").
# States outside ISO 3166-1 with the user-assigned code the EU, the IMF and the World Bank use
# (CAMEO's own code in brackets: tracker/data/cameo_countries.csv maps it).
USER_ASSIGNED = {"XKX": "Kosovo (CAMEO KSV)"}

CASE_SENSITIVE = {
    "Turkey", "Chad", "Jordan", "Guinea", "China", "Georgia", "Niger", "Congress", "Pole",
    "Poles", "Sofia", "Santiago", "Lima", "Paris", "Wellington", "Nice", "Saudi", "Brit",
    "Brits", "Turk", "Turks", "Finn", "Finns", "Dane", "Danes", "Swede", "Swedes", "Mali",
    "Oman", "Cuba", "Peru", "Togo", "Korea", "Korean", "Emirates", "Sucre", "Riga", "Praia",
    "Doha", "Congo", "Dominica", "Vatican", "Washington", "America", "Kremlin", "Pentagon",
    "Duma", "Holland", "Dutch", "Polish", "Afghan", "Afghans", "Apia", "Juba", "Foreign Office",
}  # fmt: skip
CONTEXT = {
    "Chad": "given_name", "Jordan": "given_name", "Sofia": "given_name",
    "Santiago": "given_name", "Lima": "given_name", "Georgia": "us_state",
    "Washington": "surname", "Paris": "surname", "Wellington": "surname"
}  # fmt: skip


def _is_short_abbreviation(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 5


def _rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    seen: set[str] = set()  # an alias names one state: the first (curated) entry wins

    def add(code: str, alias: str, kind: str, note: str = "", case_sensitive: bool = False) -> None:
        alias = alias.strip()
        if not alias or alias.casefold() in seen:
            return
        seen.add(alias.casefold())
        cs = case_sensitive or alias in CASE_SENSITIVE or _is_short_abbreviation(alias)
        rows.append(
            {
                "code": code,
                "alias": alias,
                "kind": kind,
                "case_sensitive": "1" if cs else "0",
                "context": CONTEXT.get(alias, ""),
                "valid_from": "",
                "valid_to": "",
                "note": note,
            }
        )

    for line in COUNTRIES.strip().splitlines():
        code, names, demonyms, capitals = (part.strip() for part in line.split("|"))
        country = pycountry.countries.get(alpha_3=code)
        if country is None and code not in USER_ASSIGNED:
            sys.exit(f"{code}: not an ISO 3166-1 alpha-3 code in pycountry")
        for name in filter(None, names.split(";")):
            add(code, name, "country", "curated")
        for demonym in filter(None, demonyms.split(";")):
            add(code, demonym, "demonym", "curated")
            if demonym.endswith(("an", "i")) and not demonym.endswith("ese"):
                add(code, demonym + "s", "demonym", "curated plural")
        for capital in filter(None, capitals.split(";")):
            add(code, capital, "capital", "curated")
    # pycountry names after all curated ones, so a curated alias ("Congo" = COD) wins.
    for code in dict.fromkeys(line.split("|", 1)[0] for line in COUNTRIES.strip().splitlines()):
        country = pycountry.countries.get(alpha_3=code)
        for attr in ("name", "common_name", "official_name") if country else ():
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                add(code, value.removeprefix("the "), "country", f"pycountry {attr}")
    for line in INSTITUTIONS.strip().splitlines():
        code, names = line.split("|")
        for name in filter(None, names.split(";")):
            add(code, name, "institution", "curated")
    for code, name in TERRITORIES:
        add(code, name, "country", "curated: the territory")
    for code, name, note in NEWS_USAGE:
        add(code, name, "country", note, case_sensitive=True)
    return rows


def main() -> None:
    rows = _rows()
    codes = {r["code"] for r in rows}
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} aliases for {len(codes)} states to {OUT}")


if __name__ == "__main__":
    main()
