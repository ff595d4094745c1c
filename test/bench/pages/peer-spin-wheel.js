// spin-wheel (CrazyTim) as a store would use it: one 8-slice wheel, spun by its own API for a set time.
import { Wheel } from 'spin-wheel';

const COLORS = ['#2f5d46', '#d9b26a', '#9c4324', '#dfe9c8'];

window.benchWheel = {
  mount(container, labels) {
    const wheel = new Wheel(container, {
      items: labels.map((label) => ({ label })),
      itemBackgroundColors: COLORS,
      itemLabelFontSizeMax: 28,
    });
    let done = () => {};
    wheel.onRest = () => done();
    return {
      /** Spins for `ms` and resolves when the wheel comes to rest. */
      spin(ms) {
        return new Promise((resolve) => {
          done = resolve;
          wheel.spinToItem(Math.floor(Math.random() * labels.length), ms, true, 4, 1);
        });
      },
    };
  },
};
