// The track-order page (/u/<uId>/playlist/<plId>/edit): put the tracks in order by dragging them
// or with their Up and Down buttons, then Save, which sends the order to /api/playlist (setOrder)
// and goes back to the playlist, as the real page's jQuery UI script does.
"use strict";

(function () {
  var container = document.querySelector(".container[data-plid]");
  if (!container) return;
  var root = container.dataset.root || "";
  window.uId = container.dataset.uid;
  window.plId = container.dataset.plid;
  var list = container.querySelector(".posts");
  var status = container.querySelector(".trackOrderStatus");
  var save = document.getElementById("playlistTrackOrderSubmit");
  var dragged = null;

  function posts() {
    return Array.prototype.slice.call(list.querySelectorAll(".post"));
  }

  function say(text) {
    status.textContent = text;
  }

  function title(post) {
    return post.querySelector("h2").textContent;
  }

  function moved(post) {
    var all = posts();
    say(title(post) + ": position " + (all.indexOf(post) + 1) + " of " + all.length);
  }

  function move(post, step) {
    var other = step < 0 ? post.previousElementSibling : post.nextElementSibling;
    if (!other) return;
    list.insertBefore(post, step < 0 ? other : other.nextElementSibling);
    moved(post);
  }

  function button(post, label, step) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "move";
    b.textContent = label;
    b.setAttribute("aria-label", "Move " + title(post) + (step < 0 ? " up" : " down"));
    b.addEventListener("click", function () {
      move(post, step);
      b.focus();
    });
    return b;
  }

  posts().forEach(function (post) {
    var moves = document.createElement("div");
    moves.className = "moves";
    moves.appendChild(button(post, "Up", -1));
    moves.appendChild(button(post, "Down", 1));
    post.appendChild(moves);
    post.draggable = true;
    post.addEventListener("dragstart", function (event) {
      dragged = post;
      post.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", post.dataset.pid);
    });
    post.addEventListener("dragend", function () {
      post.classList.remove("dragging");
      if (dragged) moved(dragged);
      dragged = null;
    });
  });

  list.addEventListener("dragover", function (event) {
    if (!dragged) return;
    event.preventDefault();
    var over = event.target.closest ? event.target.closest(".post") : null;
    if (!over || over === dragged) return;
    var box = over.getBoundingClientRect();
    list.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? over : over.nextElementSibling);
  });
  list.addEventListener("drop", function (event) {
    event.preventDefault();
  });

  save.addEventListener("click", function () {
    var order = posts().map(function (post) {
      return post.dataset.pid;
    });
    save.disabled = true;
    say("Saving…");
    fetch(root + "/api/playlist", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify({ action: "setOrder", id: window.plId, order: order }),
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (result) {
        if (!result || result.error) throw new Error(String(result && result.error));
        window.location.href = root + "/u/" + window.uId + "/playlist/" + window.plId;
      })
      .catch(function () {
        save.disabled = false;
        say("Something went wrong... Please excuse us and try again!");
      });
  });

  var cancel = container.querySelector(".cancelTrackOrder");
  cancel.addEventListener("click", function (event) {
    if (window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
})();
