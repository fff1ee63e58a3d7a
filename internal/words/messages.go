package words

// messages is the catalogue: each key's English and Spanish text. Keys
// are identifiers and may differ from the English text.
var messages = map[string][2]string{
	// Phrases of words.go and phrases.go.
	"%s released in %s %s": {"%s released in %s %s", "%s excarcelados en %s %s"},
	"%s held in %s %s":     {"%s held in %s %s", "%s detenidos en %s %s"},
	"%s detained in %s %s": {"%s detained in %s %s", "%s arrestados en %s %s"},
	"on %s":                {"on %s", "el %s"},
	"range %s %s":          {"from %s to %s", "del %s al %s"},
	"until %s":             {"until %s", "hasta el %s"},
	"since %s":             {"since %s", "desde el %s"},
	"%s and %s":            {"%s and %s", "%s y %s"},
	"at least %d":          {"at least %d", "al menos %d"},
	"more than %d":         {"more than %d", "más de %d"},
	"at most %d":           {"at most %d", "como mucho %d"},
	"fewer than %d":        {"fewer than %d", "menos de %d"},
	"about %d":             {"about %d", "unos %d"},
	"nearly %d":            {"nearly %d", "casi %d"},
	"between %d and %d":    {"between %d and %d", "entre %d y %d"},
	"some":                 {"some", "algunos"},
	"%d or more":           {"%d or more", "%d o más"},
	"%s, via %s":           {"%s, via %s", "%s, vía %s"},

	// Voices: the claims, the sources that stated them and the others
	// that relayed them ("(plural)": more than one claim).
	"%d claim":                 {"%d claim", "%d declaración"},
	"%d claims":                {"%d claims", "%d declaraciones"},
	"%s by %d source":          {"%s by %d source", "%s de %d fuente"},
	"%s by %d sources":         {"%s by %d sources", "%s de %d fuentes"},
	"%s, relayed by one other": {"%s, relayed by 1 other", "%s, difundida por otra"},
	"%s, relayed by one other (plural)": {
		"%s, relayed by 1 other", "%s, difundidas por otra"},
	"%s, relayed by %d others": {"%s, relayed by %d others", "%s, difundida por otras %d"},
	"%s, relayed by %d others (plural)": {
		"%s, relayed by %d others", "%s, difundidas por otras %d"},

	// The chart.
	"%s, day by day":       {"%s, day by day", "%s, día a día"},
	"(replaced)":           {"(replaced)", "(sustituida)"},
	"(copy, counted once)": {"(copy, counted once)", "(copia, contada una vez)"},
	"(pledge)":             {"(pledge)", "(promesa)"},
	"The figure for each day alone, from all the evidence; days in %s.": {
		"The figure for each day alone, from all the evidence; days in %s.",
		"La cifra de cada día por separado, con todas las pruebas; días en %s."},
	"Running total, as the evidence stood at the end of each day; days in %s.": {
		"Running total, as the evidence stood at the end of each day; days in %s.",
		"Total acumulado, según las pruebas disponibles al final de cada día; días en %s."},
	"Data: %s.": {"Data: %s.", "Datos: %s."},
	"As of %s.": {"As of %s.", "A fecha de %s."},
	"A chart of the figure for each day from %s to %s.": {
		"A chart of the figure for each day from %s to %s.",
		"Gráfico de la cifra de cada día del %s al %s."},
	"A chart of the running total from %s to %s.": {
		"A chart of the running total from %s to %s.",
		"Gráfico del total acumulado del %s al %s."},
	"On %s: best figure %s, lowest %d, highest %s.": {
		"On %s: best figure %s, lowest %d, highest %s.",
		"El %s: cifra más probable %s, mínima %d, máxima %s."},
	"%d verified by name.":           {"%d verified by name.", "%d verificados por nombre."},
	"No figure is known on any day.": {"No figure is known on any day.", "No se conoce cifra para ningún día."},
	"It marks one claim.":            {"It marks one claim.", "Marca una declaración."},
	"It marks %d claims from one source.": {
		"It marks %d claims from one source.", "Marca %d declaraciones de una fuente."},
	"It marks %d claims from %d sources.": {
		"It marks %d claims from %d sources.", "Marca %d declaraciones de %d fuentes."},
	"people released":         {"people released", "personas excarceladas"},
	"people held":             {"people held", "personas detenidas"},
	"people detained":         {"people detained", "personas arrestadas"},
	"no claim yet":            {"no claim yet", "sin datos aún"},
	"best %s":                 {"best %s", "más probable: %s"},
	"%d verified":             {"%d verified", "%d verificados"},
	"%s, on %s":               {"%s, on %s", "%s, el %s"},
	"consensus of the claims": {"consensus of the claims", "consenso de las declaraciones"},
	"consensus of the claims (fading: no upper bound)": {
		"consensus of the claims (fading: no upper bound)",
		"consenso de las declaraciones (difuminado: sin límite superior)"},
	"lowest to highest credible figure": {"lowest to highest credible figure", "de la cifra creíble más baja a la más alta"},
	"best figure":                       {"best figure", "cifra más probable"},
	"verified by name":                  {"verified by name", "verificados por nombre"},
	"hollow: replaced, or a copy counted once": {
		"hollow: replaced, or a copy counted once", "hueco: sustituida, o copia contada una vez"},
	"counts a claim admits (arrow: at least)": {
		"counts a claim admits (arrow: at least)", "cifras que admite una declaración (flecha: al menos)"},
	"Chart: freedcount": {"Chart: freedcount.", "Gráfico: freedcount."},

	// The report.
	"Figures of releases": {"Figures of releases", "Cifras de excarcelaciones"},
	"Prisoner releases in %s: the figures and their sources": {
		"Prisoner releases in %s: the figures and their sources", "Excarcelaciones en %s: las cifras y sus fuentes"},
	"No claim states a figure.": {
		"No claim states a figure.", "Ninguna declaración da una cifra."},
	"No statement yet.": {"No statement yet.", "Aún no hay declaraciones."},
	"Figures as of the latest statement, %s.": {
		"Figures as of the latest statement, %s.", "Cifras a fecha de la última declaración, %s."},
	"Figures as the evidence stood at %s; later statements are not used.": {
		"Figures as the evidence stood at %s; later statements are not used.",
		"Cifras según las pruebas disponibles el %s; no se usan declaraciones posteriores."},
	"Written by freedcount from %s.": {
		"Written by freedcount from %s.", "Elaborado por freedcount a partir de %s."},
	"freedcount version %s.": {"freedcount version %s.", "Versión de freedcount: %s."},
	"Times are in %s.":       {"Times are in %s.", "Las horas están en %s."},
	"No source states a figure for %s.": {
		"No source states a figure for %s.", "Ninguna fuente da una cifra de %s."},
	"No source states a figure for %s; other figures prove at least %d.": {
		"No source states a figure for %s; other figures prove at least %d.",
		"Ninguna fuente da una cifra de %s; otras cifras prueban al menos %d."},
	"%s reported %s %s":           {"%s reported %s %s", "%s informó de %s %s"},
	"%s reported %s %s (plural)":  {"%s reported %s %s", "%s informaron de %s %s"},
	"%s counted %s %s":            {"%s counted %s %s", "%s contó %s %s"},
	"%s counted %s %s (plural)":   {"%s counted %s %s", "%s contaron %s %s"},
	"%s estimated %s %s":          {"%s estimated %s %s", "%s estimó %s %s"},
	"%s estimated %s %s (plural)": {"%s estimated %s %s", "%s estimaron %s %s"},
	", as relayed by %s":          {", as relayed by %s", ", según %s"},
	"Claims weighing less than %s are set aside.": {
		"Claims weighing less than %s are set aside.", "Se dejan de lado las declaraciones que pesan menos de %s."},
	"The weights of some sources were learned from their track record and replace their prior confidence.": {
		"The weights of some sources were learned from their track record and replace their prior confidence.",
		"El peso de algunas fuentes se aprendió de su historial y sustituye a la confianza previa."},
	"Counts of people held bound the releases between them only for the closed registers of %s.": {
		"Counts of people held bound the releases between them only for the closed registers of %s.",
		"Los recuentos de personas detenidas acotan las excarcelaciones entre ellos solo en los registros cerrados de %s."},
	"Some populations are declared to exclude each other, so that their figures add up.": {
		"Some populations are declared to exclude each other, so that their figures add up.",
		"Algunas poblaciones se declaran excluyentes entre sí, de modo que sus cifras se suman."},
	"; the count may rise": {"; the count may rise", "; la cifra puede aumentar"},
	"Credible figures range from %d to %d or more.": {
		"Credible figures range from %d to %d or more.", "Las cifras creíbles van de %d a %d o más."},
	"Credible figures range from %d to %d.": {
		"Credible figures range from %d to %d.", "Las cifras creíbles van de %d a %d."},
	"%d of them are verified by name.": {
		"%d of them are verified by name.", "%d de ellos están verificados por nombre."},
	"One of them is verified by name.": {
		"One of them is verified by name.", "Uno de ellos está verificado por nombre."},
	"One other claim disagrees (see the conflicts below).": {
		"One other claim disagrees (see the conflicts below).",
		"Otra declaración discrepa (véanse los conflictos más abajo)."},
	"%d other claims disagree (see the conflicts below).": {
		"%d other claims disagree (see the conflicts below).",
		"%d declaraciones más discrepan (véanse los conflictos más abajo)."},
	"The figure, and the claims each number comes from": {
		"The figure, and the claims each number comes from", "La cifra, y las declaraciones de las que sale cada número"},
	"Number":                       {"Number", "Número"},
	"Value":                        {"Value", "Valor"},
	"From":                         {"From", "Según"},
	"Lowest credible figure":       {"Lowest credible figure", "Cifra creíble más baja"},
	"Best figure":                  {"Best figure", "Cifra más probable"},
	"Highest credible figure":      {"Highest credible figure", "Cifra creíble más alta"},
	"Verified by name":             {"Verified by name", "Verificados por nombre"},
	"what other figures prove":     {"what other figures prove", "lo que prueban otras cifras"},
	"the people verified by name":  {"the people verified by name", "las personas verificadas por nombre"},
	"the figures of its parts: %s": {"the figures of its parts: %s", "las cifras de sus partes: %s"},
	"no statement bounds it above": {
		"no statement bounds it above", "ninguna declaración la limita por arriba"},
	"distinct people identified as released": {
		"distinct people identified as released", "personas distintas identificadas como excarceladas"},
	"The claims about %s": {"The claims about %s", "Las declaraciones sobre %s"},
	"Source":              {"Source", "Fuente"},
	"Said":                {"Said", "Cifra"},
	"When":                {"When", "Cuándo"},
	"How it counts":       {"How it counts", "Cómo cuenta"},
	"In their words":      {"In their words", "En sus palabras"},
	"disputed: below the verified floor": {
		"disputed: below the verified floor", "discutida: por debajo de los verificados"},
	"disputed: contradicts %s": {"disputed: contradicts %s", "discutida: contradice a %s"},
	"weight below the policy's minimum": {
		"weight below the policy's minimum", "peso por debajo del mínimo de la política"},
	"counts":           {"counts", "cuenta"},
	"preliminary":      {"preliminary", "preliminar"},
	"superseded by %s": {"replaced by %s", "sustituida por %s"},
	"a copy of %s, counted once": {
		"a copy of %s, counted once", "copia de %s, contada una vez"},
	"retracted": {"retracted", "retirada"},
	"relative to a claim with no figure": {
		"relative to a claim with no figure", "relativa a una declaración sin cifra"},
	"announced for what is still to come: listed, not counted": {
		"announced for what is still to come: listed, not counted",
		"anunciada para lo que está por venir: se muestra, no se cuenta"},
	"source: %s": {"source: %s", "fuente: %s"},
	"How the number of people held moved": {
		"How the number of people held moved", "Cómo cambió el número de personas detenidas"},
	"A change in the number held is not a number of releases: it also moves with new arrests, cases reported late and cases reclassified.": {
		"A change in the number held is not a number of releases: it also moves with new arrests, cases reported late and cases reclassified.",
		"Un cambio en el número de detenidos no es un número de excarcelaciones: también cambia con nuevas detenciones, casos notificados tarde y casos reclasificados."},
	"%s: %s held in %s changed by %s from %s to %s": {
		"%s: %s held in %s changed by %s from %s to %s",
		"%s: los %s detenidos en %s cambiaron en %s del %s al %s"},
	", while it counted %s releases: %s cases added (new arrests or cases reported late)": {
		", while it counted %s releases: %s cases added (new arrests or cases reported late)",
		", mientras contaba %s excarcelaciones: %s casos añadidos (nuevas detenciones o casos notificados tarde)"},
	"an amount no statement bounds": {"an amount no statement bounds", "una cantidad que ninguna declaración acota"},
	"%s or more":                    {"%s or more", "%s o más"},
	"%s or less":                    {"%s or less", "%s o menos"},
	"between %s and %s":             {"between %s and %s", "entre %s y %s"},
	"Where the sources differ":      {"Where the sources differ", "Dónde difieren las fuentes"},
	"No true conflict: every difference between the claims is explained by its cause.": {
		"No true conflict: every difference between the claims is explained by its cause.",
		"Ningún conflicto real: cada diferencia entre las declaraciones se explica por su causa."},
	"Differences explained by their cause": {
		"Differences explained by their cause", "Diferencias que explica su causa"},
	"Cause":           {"Cause", "Causa"},
	"Pairs of claims": {"Pairs of claims", "Pares de declaraciones"},
	"%s said %s %s":   {"%s: %s %s", "%s: %s %s"},
	"These cannot both be right": {
		"These cannot both be right", "Las dos no pueden ser ciertas"},
	": they are %d apart": {": they are %d apart", ": las separan %d"},
	"The difference is not explained by the wording (%s).": {
		"The difference is not explained by the wording (%s).",
		"La redacción no explica la diferencia (%s)."},
	"a later statement of the same source": {
		"a later statement of the same source", "una declaración posterior de la misma fuente"},
	"a revision by the same source": {"a revision by the same source", "una revisión de la misma fuente"},
	"different measures (people held is not people released)": {
		"different measures (people held is not people released)",
		"medidas distintas (detenidos no es lo mismo que excarcelados)"},
	"different populations": {"different populations", "poblaciones distintas"},
	"different regions":     {"different regions", "regiones distintas"},
	"different periods":     {"different periods", "periodos distintos"},
	"imprecise wording that both figures fit": {
		"imprecise wording that both figures fit", "una redacción imprecisa que admite ambas cifras"},
	"a true conflict":            {"a true conflict", "un conflicto real"},
	"How these figures are read": {"How these figures are read", "Cómo se leen estas cifras"},
	"The best figure is the lowest figure of the claims that agree, as ACLED codes the most conservative report.": {
		"The best figure is the lowest figure of the claims that agree, as ACLED codes the most conservative report.",
		"La cifra más probable es la más baja de las declaraciones que concuerdan, como ACLED codifica el informe más prudente."},
	"The best figure is the middle of the lowest and highest credible figures.": {
		"The best figure is the middle of the lowest and highest credible figures.",
		"La cifra más probable es el punto medio entre la cifra creíble más baja y la más alta."},
	"The best figure is the one stated by the most independent sources.": {
		"The best figure is the one stated by the most independent sources.",
		"La cifra más probable es la que dan más fuentes independientes."},
	"The best figure is that of the first of these sources that states one: %s.": {
		"The best figure is that of the first of these sources that states one: %s.",
		"La cifra más probable es la de la primera de estas fuentes que dé una: %s."},
	"The best figure is the weighted median of the figures of the claims that agree with each other.": {
		"The best figure is the weighted median of the figures of the claims that agree with each other.",
		"La cifra más probable es la mediana ponderada de las cifras de las declaraciones que concuerdan entre sí."},
	"The lowest and highest credible figures are the lowest and highest figures credibly stated; a figure stated as a minimum (\"at least\") is never shown as a maximum, but as \"or more\".": {
		"The lowest and highest credible figures are the lowest and highest figures credibly stated; a figure stated as a minimum (\"at least\") is never shown as a maximum, but as \"or more\".",
		"Las cifras creíbles más baja y más alta son las cifras más baja y más alta dadas de forma creíble; una cifra dada como mínimo («al menos») nunca se muestra como máximo, sino como «o más»."},
	"A preliminary count that may still rise is read as a minimum.": {
		"A preliminary count that may still rise is read as a minimum.",
		"Un recuento preliminar que aún puede aumentar se lee como un mínimo."},
	"A count made from a list of names is read as verified: nobody can be counted below it.": {
		"A count made from a list of names is read as verified: nobody can be counted below it.",
		"Un recuento hecho con una lista de nombres se lee como verificado: ninguna cifra puede quedar por debajo."},
	"A source's later statement replaces its earlier one; a news agency relaying a source is that source's statement, counted once, never a second confirmation.": {
		"A source's later statement replaces its earlier one; a news agency relaying a source is that source's statement, counted once, never a second confirmation.",
		"La declaración posterior de una fuente sustituye a la anterior; una agencia que transmite a una fuente repite su declaración, que se cuenta una vez y nunca como segunda confirmación."},
	"Weights: preliminary %s, verified %s, final %s; named list %s, announcement %s, estimate %s; \"about\" admits %s%% either way.": {
		"Weights: preliminary %s, verified %s, final %s; named list %s, announcement %s, estimate %s; \"about\" admits %s%% either way.",
		"Pesos: preliminar %s, verificada %s, definitiva %s; lista de nombres %s, anuncio %s, estimación %s; «unos» admite un %s%% por arriba o por abajo."},
}
