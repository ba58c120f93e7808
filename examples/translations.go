//go:build !englishonly

package examples

import _ "embed"

var (
	// The templates in the interface's other languages: the same models,
	// numbers and ids, in words of their own (TestTranslations).
	//go:embed de/customer-value.json
	deCustomerValue []byte
	//go:embed de/software-purchase.json
	deSoftwarePurchase []byte
	//go:embed de/segments.json
	deSegments []byte
	//go:embed fr/customer-value.json
	frCustomerValue []byte
	//go:embed fr/software-purchase.json
	frSoftwarePurchase []byte
	//go:embed fr/segments.json
	frSegments []byte
	//go:embed es/customer-value.json
	esCustomerValue []byte
	//go:embed es/software-purchase.json
	esSoftwarePurchase []byte
	//go:embed es/segments.json
	esSegments []byte
)

// translations lists the templates in each language but English, in the
// order of templates.
var translations = map[string][]Template{
	"de": {
		{"customer-value", "Bewertung des Kundennutzens",
			"Punkte, 1–5: alle vier Nutzenarten und fünf Kostenarten, Status quo gegenüber „Mit uns“.", deCustomerValue},
		{"software-purchase", "Helpdesk-Software: Business Case über 3 Jahre",
			"Geld, 3 Jahre zu 8 %, gerechnet pro Support-Mitarbeitendem und Ticket im Monat: Abonnement, Implementierung, Schulung, eingesparte Stunden, weniger Ausfälle.", deSoftwarePurchase},
		{"segments", "Segmentvergleich: KMU und Großunternehmen",
			"Punkte, 1–10: dasselbe Angebot, gewichtet von KMU und Großunternehmen.", deSegments},
	},
	"fr": {
		{"customer-value", "Évaluation de la valeur client",
			"Notes, de 1 à 5 : les quatre types de bénéfices et cinq types de coûts, statu quo contre « avec nous ».", frCustomerValue},
		{"software-purchase", "Logiciel de support : analyse de rentabilité sur 3 ans",
			"Argent, 3 ans à 8 %, compté par agent de support et par ticket mensuel : abonnement, mise en œuvre, formation, heures économisées, moins de pannes.", frSoftwarePurchase},
		{"segments", "Comparaison de segments : PME et grands comptes",
			"Notes, de 1 à 10 : la même offre pesée par les PME et les grands comptes.", frSegments},
	},
	"es": {
		{"customer-value", "Evaluación del valor para el cliente",
			"Puntuaciones, de 1 a 5: los cuatro tipos de beneficio y cinco de coste, situación actual frente a «con nosotros».", esCustomerValue},
		{"software-purchase", "Software de soporte: caso de negocio a 3 años",
			"Dinero, 3 años al 8 %, por agente de soporte y por ticket al mes: suscripción, implantación, formación, horas ahorradas, menos caídas.", esSoftwarePurchase},
		{"segments", "Comparación de segmentos: pymes y grandes empresas",
			"Puntuaciones, de 1 a 10: la misma oferta ponderada por pymes y grandes empresas.", esSegments},
	},
}
