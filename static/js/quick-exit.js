// "Leave this site quickly" (templates/base.html): the link, or Shift pressed three times within
// a second, swaps this page for a neutral one. Without this file the link still goes there.
{
  const link = document.querySelector("[data-quick-exit]");
  const WITHIN_MS = 1000;
  let shifts = [];
  let shiftAlone = false;

  // Blank the page at once, so nothing lingers while the neutral page loads; send no Referer,
  // as the link's rel="noreferrer" does; replace() takes this page out of the history, so Back
  // does not lead here.
  const leave = (event) => {
    event.preventDefault();
    document.body.hidden = true;
    const policy = document.createElement("meta");
    policy.name = "referrer";
    policy.content = "no-referrer";
    document.head.append(policy);
    window.location.replace(link.href);
  };

  // A Shift counts when it is let go without another key pressed while it was down, so capital
  // letters and shortcuts never add up to an exit; any other key starts the count again.
  const keyDown = (event) => {
    if (event.key === "Shift") {
      shiftAlone = true;
    } else {
      shiftAlone = false;
      shifts = [];
    }
  };

  const keyUp = (event) => {
    if (event.key !== "Shift" || !shiftAlone) {
      return;
    }
    shiftAlone = false;
    shifts = shifts.filter((time) => event.timeStamp - time < WITHIN_MS);
    shifts.push(event.timeStamp);
    if (shifts.length === 3) {
      leave(event);
    }
  };

  if (link) {
    link.addEventListener("click", leave);
    document.addEventListener("keydown", keyDown);
    document.addEventListener("keyup", keyUp);
  }
}
