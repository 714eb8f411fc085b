#pragma once

class QApplication;

namespace etabli {

// The mouse wheel never changes a value the user did not focus: over a combo
// box, a spin box or a slider that does not have the focus, the wheel
// scrolls the form around it instead (Settings' VAT regime changed while
// scrolling). Installed once on the application.
void installWheelGuard(QApplication& app);

} // namespace etabli
