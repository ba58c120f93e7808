package i18n

import (
	"strconv"
	"strings"
)

// months are the month names, January first.
var months = map[Lang][12]string{
	EN: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	DE: {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	FR: {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	ES: {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
}

// Date writes an ISO date ("2026-12-01") the way l writes a date in a
// sentence: "1 December 2026", "1. Dezember 2026", "1 décembre 2026",
// "1 de diciembre de 2026". Text that is not an ISO date is returned as
// it is.
func (l Lang) Date(iso string) string {
	if len(iso) != 10 || iso[4] != '-' || iso[7] != '-' {
		return iso
	}
	y, ey := strconv.Atoi(iso[:4])
	m, em := strconv.Atoi(iso[5:7])
	d, ed := strconv.Atoi(iso[8:])
	if ey != nil || em != nil || ed != nil || m < 1 || m > 12 {
		return iso
	}
	names, ok := months[l]
	if !ok {
		names = months[EN]
	}
	day, month, year := strconv.Itoa(d), names[m-1], strconv.Itoa(y)
	switch l {
	case DE:
		return day + ". " + month + " " + year
	case ES:
		return day + " de " + month + " de " + year
	}
	return day + " " + month + " " + year
}

// ShortDate writes an ISO date short, as a title names a day: "2 Dec",
// "2. Dez.", "2 déc.", "2 dic.". Text that is not an ISO date is
// returned as it is.
func (l Lang) ShortDate(iso string) string {
	long := l.Date(iso)
	if long == iso {
		return iso
	}
	day, rest, _ := strings.Cut(long, " ")
	month := []rune(strings.Fields(strings.TrimPrefix(rest, "de "))[0])
	switch {
	case l == EN || l == "":
		return day + " " + string(month[:3])
	case len(month) > 4:
		return day + " " + string(month[:3]) + "."
	}
	return day + " " + string(month)
}
