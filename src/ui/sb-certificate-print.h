/* sb-certificate-print.h: printing certificates through GtkPrintOperation
 */
#pragma once

#include <gtk/gtk.h>

#include "sb-certificate.h"

G_BEGIN_DECLS

GtkPrintOperation *sb_certificate_print_operation_new (GPtrArray *certificates);

G_END_DECLS
